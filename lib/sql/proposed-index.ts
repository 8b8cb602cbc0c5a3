/**
 * The index that would serve a flagged relation: equality columns first (broad keys such as
 * team_id leading, booleans last), then one range column, then the ORDER BY columns.
 */
import type { Predicates } from "./index-match";
import type { IndexSpec, TableSpec } from "./schema/types";
import { BROAD_KEYS, isBoolean } from "./selectivity";

export function proposeIndexColumns(
  table: TableSpec,
  p: Predicates,
  orderBy: readonly string[] = [],
): string[] {
  const equal = [...p.equal.keys()].sort((a, b) => rank(table, a) - rank(table, b));
  const range = [...p.range].filter((c) => !p.equal.has(c)).slice(0, 1);
  const columns = [...equal, ...range];
  for (const column of orderBy) if (!columns.includes(column)) columns.push(column);
  return columns;
}

function rank(table: TableSpec, column: string): number {
  if (column === table.partitions?.key || BROAD_KEYS.has(column)) return 0;
  return isBoolean(table, column) ? 2 : 1;
}

export function proposedIndex(table: TableSpec, columns: readonly string[]): IndexSpec {
  return {
    name: `workbench_proposed_${table.name.replace(/^posthog_/, "")}_idx`,
    kind: "index",
    unique: false,
    columns,
    note: "Proposed by the workbench; not in the schema.",
  };
}

export function createIndexSql(table: TableSpec, index: IndexSpec): string {
  return `CREATE INDEX ${index.name} ON ${table.name} (${index.columns.join(", ")})`;
}
