import type { ColumnSpec, ReferenceSpec } from "./types";

/** Short constructor so table files read like DDL. Columns are nullable unless told otherwise. */
export function column(
  name: string,
  type: string,
  opts: { notNull?: boolean; default?: string; identity?: boolean } = {},
): ColumnSpec {
  return {
    name,
    type,
    notNull: opts.notNull ?? false,
    default: opts.default,
    identity: opts.identity,
  };
}

/** `team_id` names a team, which lives in the main database. */
export const TEAM_REFERENCE: ReferenceSpec = {
  columns: ["team_id"],
  references: { table: "posthog_team", columns: ["id"] },
  why: "teams live in the main database",
};
