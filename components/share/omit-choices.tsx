import { BULKY_PARTS, type BulkyPart } from "@/lib/link";
import { Checkbox } from "@/components/ui/checkbox";

const LABELS: Record<BulkyPart, string> = { sql: "the SQL", comments: "field comments" };

/** Parts the author may leave out to shorten the link; the receiver is told what is missing. */
export function OmitChoices({
  omit,
  onChange,
}: {
  readonly omit: readonly BulkyPart[];
  readonly onChange: (omit: BulkyPart[]) => void;
}) {
  return (
    <fieldset data-testid="omit-choices" className="flex flex-wrap gap-3 text-xs">
      <legend className="sr-only">Leave out of the link</legend>
      <span>Leave out:</span>
      {BULKY_PARTS.map((part) => (
        <Checkbox
          key={part}
          testId={`omit-${part}`}
          checked={omit.includes(part)}
          onChange={(on) => onChange(on ? [...omit, part] : omit.filter((p) => p !== part))}
          className="flex items-center gap-1"
        >
          {LABELS[part]}
        </Checkbox>
      ))}
    </fieldset>
  );
}
