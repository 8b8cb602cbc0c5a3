/**
 * Which keys narrow a read. A broad key (a whole team, project or cohort) and a boolean each
 * leave many rows per value, so a lookup on them alone, with the rest filtered, reads too much.
 */
import type { TableSpec } from "./schema/types";

export const BROAD_KEYS = new Set(["team_id", "project_id", "cohort_id"]);

export function isBoolean(table: TableSpec, column: string): boolean {
  return table.columns.find((c) => c.name === column)?.type === "boolean";
}

/** The columns among `columns` that are neither broad keys nor booleans, in order. */
export function selectiveColumns(table: TableSpec, columns: readonly string[]): string[] {
  return columns.filter((c) => !isBoolean(table, c) && !BROAD_KEYS.has(c));
}
