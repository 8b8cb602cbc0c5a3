/**
 * sqlx's column-name grammar, read by sqlx-select.ts (which writes these aliases) and by the
 * compile harness (sqlx-describe.ts types columns by them). Kept free of PGlite so the CLI's
 * `generate` never loads it.
 */
export interface ColumnAlias {
  readonly name: string;
  /** `!` forces NOT NULL, `?` forces nullable. */
  readonly nullability: "!" | "?" | null;
  /** `"x: T"`: the Rust type to decode into. */
  readonly override: string | null;
}

/** sqlx's column-name grammar: `name`, `name!`, `name?`, each optionally followed by `: Type`. */
export function parseColumnAlias(label: string): ColumnAlias {
  const m = /^(.*?)\s*([!?])?\s*(?::\s*(.+?))?\s*$/s.exec(label)!;
  return {
    name: m[1] || label,
    nullability: (m[2] as "!" | "?" | undefined) ?? null,
    override: m[3] ?? null,
  };
}
