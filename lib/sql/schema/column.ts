import type { ColumnSpec } from "./types";

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
