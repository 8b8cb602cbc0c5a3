"use client";
import { useState } from "react";
import { field as newField } from "@/lib/design/defaults";
import type { FieldDesign } from "@/lib/design/model";
import { FieldRow } from "./field-row";
import { ProtoPaste } from "./proto-paste";

let lastRowId = 0;
const newRowIds = (count: number) => Array.from({ length: count }, () => ++lastRowId);

function swap<T>(list: readonly T[], i: number, j: number): T[] {
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

/**
 * Edits a message's fields; numbers follow the order, as personhog's protos do. Each row keeps its
 * own key through moves and removals (so focus follows a moved row); a list replaced from outside
 * with a different length gets new keys.
 */
export function FieldsEditor(props: {
  readonly title: string;
  readonly fields: readonly FieldDesign[];
  readonly onChange: (fields: FieldDesign[]) => void;
  readonly trailing?: string;
  readonly testId: string;
}) {
  const { fields, onChange } = props;
  const [ids, setIds] = useState(() => newRowIds(fields.length));
  if (ids.length !== fields.length) setIds(newRowIds(fields.length));
  const change = (next: FieldDesign[], nextIds: number[]) => {
    setIds(nextIds);
    onChange(next);
  };
  const replace = (i: number, f: FieldDesign) => onChange(fields.map((x, j) => (j === i ? f : x)));
  const move = (i: number, delta: -1 | 1) => {
    const j = i + delta;
    if (j < 0 || j >= fields.length) return;
    change(swap(fields, i, j), swap(ids, i, j));
  };
  return (
    <fieldset data-testid={props.testId} className="space-y-2">
      <legend className="text-sm font-semibold">{props.title}</legend>
      <ol className="space-y-1">
        {fields.map((f, i) => (
          <FieldRow
            key={ids[i] ?? `new-${i}`}
            field={f}
            number={i + 1}
            onChange={(x) => replace(i, x)}
            onRemove={() =>
              change(
                fields.filter((_, j) => j !== i),
                ids.filter((_, j) => j !== i),
              )
            }
            onMove={(d) => move(i, d)}
          />
        ))}
      </ol>
      {props.trailing && <p className="text-xs text-slate-500">{props.trailing}</p>}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() =>
            change(
              [...fields, newField(`field_${fields.length + 1}`, "int64")],
              [...ids, ...newRowIds(1)],
            )
          }
          className="rounded border border-slate-400 px-2 py-0.5 text-xs"
        >
          Add field
        </button>
        <ProtoPaste onImport={onChange} />
      </div>
    </fieldset>
  );
}
