import { DOMAINS, DOMAIN_FACTS } from "@/lib/catalogue/domains";
import {
  BATCH_SCOPES,
  CONSISTENCIES,
  TARGETS,
  TARGET_LABELS,
  type Design,
} from "@/lib/design/model";
import { Choice } from "@/components/ui/choice";

type ChoiceField = "domain" | "batch" | "consistency" | "target";

/** The design fields picked from a fixed list: each names its options and how they read. */
const CHOICES: {
  readonly [F in ChoiceField]: {
    readonly options: readonly Design[F][];
    readonly labels?: Readonly<Partial<Record<Design[F], string>>>;
  };
} = {
  domain: {
    options: DOMAINS,
    labels: Object.fromEntries(DOMAINS.map((d) => [d, `${d} (${DOMAIN_FACTS[d].label})`])),
  },
  batch: {
    options: BATCH_SCOPES,
    labels: {
      single: "single lookup",
      "batch-in-team": "batch within one team",
      "batch-cross-team": "batch across teams",
    },
  },
  consistency: { options: CONSISTENCIES },
  target: { options: TARGETS, labels: TARGET_LABELS },
};

/** A select for one such field, its test id the field's name. */
export function DesignChoice<F extends ChoiceField>(props: {
  readonly field: F;
  readonly label: string;
  readonly design: Design;
  readonly update: (change: Partial<Design>) => void;
}) {
  const { field, design, update } = props;
  const { options, labels } = CHOICES[field];
  return (
    <Choice<Design[F]>
      label={props.label}
      testId={field}
      value={design[field]}
      options={options}
      labels={labels}
      onChange={(value) => update({ [field]: value })}
    />
  );
}
