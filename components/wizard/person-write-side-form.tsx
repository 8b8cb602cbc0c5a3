import { useId } from "react";
import { DESIGN_CHOICES } from "@/lib/design/model";
import { PERSON_WRITE_SIDES } from "@/lib/design/person-write-sides";
import type { DesignFormProps } from "./design-form-props";

/** Where a current-target person write is served: the replica's primary pool or the leader. */
export function PersonWriteSideForm({ design, update }: DesignFormProps) {
  const id = useId();
  return (
    <fieldset
      data-testid="person-write-side"
      className="space-y-2 rounded border border-slate-300 p-2 text-sm dark:border-slate-700"
    >
      <legend className="font-semibold">Where is this write served?</legend>
      {DESIGN_CHOICES.personWriteBackend.map((side) => (
        <div key={side}>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-side`}
              value={side}
              data-testid={`person-write-side-${side}`}
              checked={design.personWriteBackend === side}
              onChange={() => update({ personWriteBackend: side })}
              aria-describedby={`${id}-${side}`}
            />
            {PERSON_WRITE_SIDES[side].label}
          </label>
          <p id={`${id}-${side}`} className="ml-6 text-xs text-slate-600 dark:text-slate-400">
            {PERSON_WRITE_SIDES[side].explanation}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
