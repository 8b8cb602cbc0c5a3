/** Shared wording of verdicts and fixes: key lists, and what a row count means for the request. */
import type { RowCount, ValueList } from "./verdict";

export const listKeys = (keys: readonly string[]) => keys.map((k) => `\`${k}\``).join(", ");
export const isAre = (keys: readonly string[]) => (keys.length === 1 ? "is" : "are");

function valuesOf(list: ValueList): string {
  if (list.param) {
    return `in \`${list.param}\` (as many as the request's repeated field behind ${list.param} holds: cap that field)`;
  }
  if (list.count !== null) {
    return `in the list (${list.count.toLocaleString("en-US")} ${list.count === 1 ? "value" : "values"})`;
  }
  return "in the list";
}

/** "at most one row" only for one value against a unique key. */
export function describeRows(rows: RowCount): string {
  switch (rows.kind) {
    case "one":
      return "at most one row";
    case "per-value":
      return `one row per value ${valuesOf(rows.list)}`;
    case "per-probe":
      return rows.joinedTo
        ? `up to one row per row of \`${rows.joinedTo}\``
        : "up to one row per joined row";
    case "range":
      return rows.list ? `an index range per value ${valuesOf(rows.list)}` : "an index range";
  }
}
