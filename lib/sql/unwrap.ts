/**
 * Arithmetic or a function around an indexed column (`id + 1 = $2`, `COALESCE(team_id, 0) = $1`)
 * hides it from its indexes as a cast does. Two shapes can be undone without changing what the
 * query means, read from the expression as PostgreSQL prints it:
 * - a whole number added to or subtracted from an integer column: the comparison holds for
 *   `column` against the value shifted the other way (adding a constant keeps order, so a range
 *   comparison keeps its operator);
 * - COALESCE on a column that is never null (NOT NULL, or a CHECK saying so): it is the column.
 * Anything else (`lower(x)`, `id * 2`, COALESCE on a nullable column) changes the meaning if
 * unwrapped, and is left to an expression index.
 */
import type { ExprRef } from "./expressions";
import type { TableSpec } from "./schema/types";

export type Unwrap =
  | { readonly kind: "shift"; readonly op: "+" | "-"; readonly amount: string }
  | { readonly kind: "coalesce" };

const INTEGER = /^(?:smallint|integer|bigint|int[248]?)$/i;
/** A whole-number operand as printed: `1`, `$3`, `'1'::bigint`, `'-1'::integer`. */
const AMOUNT = String.raw`(\d+|\$\d+|'-?\d+'::[a-z]+)`;
const COLUMN = String.raw`(?:[a-z_][a-z0-9_]*\.)?([a-z_][a-z0-9_]*)`;
const COLUMN_FIRST = new RegExp(`^${COLUMN} ([+-]) ${AMOUNT}$`, "i");
const AMOUNT_FIRST = new RegExp(`^${AMOUNT} \\+ ${COLUMN}$`, "i");
const COALESCE = new RegExp(`^COALESCE\\(${COLUMN}, .+\\)$`, "i");

/** Does the COALESCE's own parenthesis close at the end (not `COALESCE(a, 0) + COALESCE(a, 1)`)? */
function wholeCall(text: string): boolean {
  let depth = 0;
  for (let i = "COALESCE(".length; i < text.length - 1; i++) {
    if (text[i] === "(") depth++;
    if (text[i] === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** `0`, `'0'::bigint`: a shift that changes nothing. */
export const isZeroAmount = (amount: string) => /^'?0'?(?:::\w+)?$/.test(amount);

/** Never null: NOT NULL, or a CHECK (`project_id IS NOT NULL`) that says so. */
function neverNull(table: TableSpec, column: string): boolean {
  if (table.columns.find((c) => c.name === column)?.notNull) return true;
  return (table.checks ?? []).some((c) => c.expression === `${column} IS NOT NULL`);
}

/** How the expression `expr` gives its column back, or undefined when it cannot. */
export function unwrapOf(table: TableSpec, expr: ExprRef): Unwrap | undefined {
  const text = expr.key.slice(1, -1);
  const type = table.columns.find((c) => c.name === expr.column)?.type ?? "";
  const first = COLUMN_FIRST.exec(text);
  if (first?.[1] === expr.column && INTEGER.test(type)) {
    return { kind: "shift", op: first[2] === "-" ? "-" : "+", amount: first[3] ?? "" };
  }
  const last = AMOUNT_FIRST.exec(text);
  if (last?.[2] === expr.column && INTEGER.test(type)) {
    return { kind: "shift", op: "+", amount: last[1] ?? "" };
  }
  const coalesce = COALESCE.exec(text);
  if (coalesce?.[1] === expr.column && wholeCall(text) && neverNull(table, expr.column)) {
    return { kind: "coalesce" };
  }
  return undefined;
}
