/**
 * A cast on an indexed column (`uuid::text = $2`, `person_id::text = $1`) turns the column into an
 * expression no btree index on it can serve, and a cast partition key prunes nothing. PostgreSQL
 * prints the casts it adds itself the same way: `(distinct_id)::text` for a varchar compared as
 * text is only a relabel, which indexes see through. So whether a printed cast hides the column
 * depends on the column's type: from a string type to text or unsized varchar it does not; any
 * other cast does.
 */
import type { ExprRef } from "./expressions";
import type { TableSpec } from "./schema/types";

const STRING_TYPE = /^(?:varchar|character varying|text|char|character|bpchar)\b/i;
const RELABEL_TARGETS = new Set(["text", "character varying", "varchar"]);

/** `::text::varchar(10)` → ["text", "varchar(10)"]. */
function castSteps(cast: string): string[] {
  return cast
    .split("::")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** Does casting a column of `type` by `cast` leave it a plain column for an index? */
export function castIsRelabel(type: string, cast: string): boolean {
  return STRING_TYPE.test(type) && castSteps(cast).every((s) => RELABEL_TARGETS.has(s));
}

/** The cast column as an expression of its own, or undefined when the cast only relabels it. */
export function hidingCast(
  table: TableSpec,
  ref: { readonly alias: string | null; readonly column: string; readonly cast?: string },
): ExprRef | undefined {
  const type = table.columns.find((c) => c.name === ref.column)?.type;
  if (!ref.cast || !type || castIsRelabel(type, ref.cast)) return undefined;
  const steps = castSteps(ref.cast)
    .map((s) => `::${s}`)
    .join("");
  return { alias: ref.alias, column: ref.column, key: `(${ref.column}${steps})`, cast: steps };
}
