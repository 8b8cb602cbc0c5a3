/**
 * Which keys narrow a read. A broad key (a whole team, project or cohort) and a boolean each
 * leave many rows per value, so a lookup on them alone, with the rest filtered, reads too much.
 */
import type { IndexChoice, Predicates } from "./index-match";
import type { TableSpec } from "./schema/types";
import { listKeys } from "./wording";

export const BROAD_KEYS = new Set(["team_id", "project_id", "cohort_id"]);

export function isBoolean(table: TableSpec, column: string): boolean {
  return table.columns.find((c) => c.name === column)?.type === "boolean";
}

/** The columns among `columns` that are neither broad keys nor booleans, in order. */
export function selectiveColumns(table: TableSpec, columns: readonly string[]): string[] {
  return columns.filter((c) => !isBoolean(table, c) && !BROAD_KEYS.has(c));
}

/** Matched keys bounded by a range open at one end (a keyset cursor, `id > $2`). */
export function openRangeKeys(choice: IndexChoice, p: Predicates): string[] {
  return choice.matched.filter((k) => !p.equal.has(k) && p.range.has(k) && !p.closed.has(k));
}

/**
 * Does the lookup narrow nothing but broad keys? A key matched by a range open at one end counts
 * as broad: how much it leaves depends on the value alone.
 */
export function onlyBroadKeys(choice: IndexChoice, p: Predicates): boolean {
  const open = openRangeKeys(choice, p);
  return choice.matched.every((key) => BROAD_KEYS.has(key) || open.includes(key));
}

/** How a broad lookup reads: "`team_id` only" or "`team_id` and a range of `id` open at one end". */
export function broadLookup(choice: IndexChoice, p: Predicates) {
  const open = openRangeKeys(choice, p);
  const keys = choice.matched.filter((k) => !open.includes(k));
  return {
    on: `${listKeys(keys)}${open.length ? ` and a range of ${listKeys(open)} open at one end` : " only"}`,
    every: `every row of that ${keys.join(" + ")}${open.length ? " past the bound" : ""}`,
  };
}
