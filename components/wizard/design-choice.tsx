import { DOMAINS, DOMAIN_FACTS } from "@/lib/catalogue/domains";
import { DESIGN_CHOICES, TARGET_LABELS, type Design } from "@/lib/design/model";
import { Choice } from "@/components/ui/choice";
import type { DesignFormProps } from "./design-form-props";

type FormChoice = "domain" | "batch" | "consistency" | "target";

/** How the options of the fields the form picks read, where their values alone would not do. */
const LABELS: {
  readonly [F in FormChoice]?: Readonly<Partial<Record<Design[F], string>>>;
} = {
  domain: Object.fromEntries(DOMAINS.map((d) => [d, `${d} (${DOMAIN_FACTS[d].label})`])),
  batch: {
    single: "single lookup",
    "batch-in-team": "batch within one team",
    "batch-cross-team": "batch across teams",
  },
  target: TARGET_LABELS,
};

/** A select for a design field chosen from a fixed list, its test id the field's name. */
export function DesignChoice<F extends FormChoice>(
  props: DesignFormProps & { readonly field: F; readonly label: string },
) {
  const { field, design, update } = props;
  return (
    <Choice<Design[F]>
      label={props.label}
      testId={field}
      value={design[field]}
      options={DESIGN_CHOICES[field]}
      labels={LABELS[field]}
      onChange={(value) => update({ [field]: value })}
    />
  );
}
