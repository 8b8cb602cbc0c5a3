"use client";
import { field as newField } from "@/lib/design/defaults";
import type { FieldDesign } from "@/lib/design/model";
import { FieldRow } from "./field-row";
import { ProtoPaste } from "./proto-paste";

/** Edits a message's fields; numbers follow the order, as personhog's protos do. */
export function FieldsEditor(props: {
  readonly title: string;
  readonly fields: readonly FieldDesign[];
  readonly onChange: (fields: FieldDesign[]) => void;
  readonly trailing?: string;
  readonly testId: string;
}) {
  const { fields, onChange } = props;
  const replace = (i: number, f: FieldDesign) => onChange(fields.map((x, j) => (j === i ? f : x)));
  const move = (i: number, delta: -1 | 1) => {
    const j = i + delta;
    if (j < 0 || j >= fields.length) return;
    const next = [...fields];
    [next[i], next[j]] = [next[j] as FieldDesign, next[i] as FieldDesign];
    onChange(next);
  };
  return (
    <fieldset data-testid={props.testId} className="space-y-2">
      <legend className="text-sm font-semibold">{props.title}</legend>
      <ol className="space-y-1">
        {fields.map((f, i) => (
          <FieldRow
            key={i}
            field={f}
            number={i + 1}
            onChange={(x) => replace(i, x)}
            onRemove={() => onChange(fields.filter((_, j) => j !== i))}
            onMove={(d) => move(i, d)}
          />
        ))}
      </ol>
      {props.trailing && <p className="text-xs text-slate-500">{props.trailing}</p>}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => onChange([...fields, newField(`field_${fields.length + 1}`, "int64")])}
          className="rounded border border-slate-400 px-2 py-0.5 text-xs"
        >
          Add field
        </button>
        <ProtoPaste onImport={onChange} />
      </div>
    </fieldset>
  );
}
