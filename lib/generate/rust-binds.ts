/**
 * The arguments of the `sqlx::query…!` call: `$n` is bound to the n-th request field. sqlx's
 * macros check each argument's Rust type against the parameter type PostgreSQL infers, so where
 * the SQL compares `$n` with a known column (or uses it as LIMIT) the bind is cast as the existing
 * queries do: `team_id as i32` for the integer `team_id` columns, an i32 copy for integer arrays.
 */
import type { Design, FieldDesign } from "../design/model";
import { placeholderCount } from "../sql/params";
import { findTable } from "../sql/schema";
import { columnValue } from "../sql/sqlx-select";
import { rustIdent } from "../escape/rust";

export interface Conversion {
  readonly lead: string;
  readonly root: string;
  readonly children: readonly string[];
}

export interface Binds {
  /** Argument expressions after the SQL, in `$1..$n` order. */
  readonly args: readonly string[];
  /** Array conversions to run before the query: `let lead = root.iter().map(…).collect();`. */
  readonly prelude: readonly Conversion[];
  readonly notes: readonly string[];
}

const OPERATOR = String.raw`(?:=|<>|!=|<=|>=|<|>)`;

/**
 * What `$n` meets in the SQL: a column it is compared with, LIMIT/OFFSET, or an explicit cast.
 * The SQL is untrusted and up to 20,000 characters, so every pattern starts only where its first
 * token starts: the column pattern only at the beginning of a word (the lookbehind), never inside
 * one, which would rescan a long word from every position (seconds per placeholder).
 */
function context(sql: string, n: number): { column?: string; limit?: boolean; cast?: string } {
  const p = String.raw`\$${n}(?!\d)`;
  const cast = new RegExp(`${p}::([a-z_ ]+(?:\\[\\])?)`, "i").exec(sql);
  if (cast) return { cast: cast[1]!.trim().toLowerCase() };
  if (new RegExp(String.raw`\b(?:LIMIT|OFFSET)\s+${p}`, "i").test(sql)) return { limit: true };
  const left = new RegExp(
    String.raw`(?<![\w.])([A-Za-z_][\w.]*)\s*${OPERATOR}\s*(?:ANY\s*\(\s*)?${p}`,
    "i",
  );
  const right = new RegExp(String.raw`${p}\s*${OPERATOR}\s*([A-Za-z_][\w.]*)`, "i");
  // GREATEST(col, $n), COALESCE($n, col): the parameter takes the column's type.
  const paired = new RegExp(
    String.raw`(?:GREATEST|LEAST|COALESCE)\s*\(\s*(?:([A-Za-z_][\w.]*)\s*,\s*${p}|${p}\s*,\s*([A-Za-z_][\w.]*))`,
    "i",
  ).exec(sql);
  const found = left.exec(sql) ?? right.exec(sql);
  const column = (found?.[1] ?? paired?.[1] ?? paired?.[2])?.split(".").pop();
  return column ? { column } : {};
}

function columnType(tables: readonly string[], column: string): string | undefined {
  for (const name of tables) {
    const col = findTable(name)?.columns.find((c) => c.name === column);
    if (col) return col.type.toLowerCase();
  }
  return undefined;
}

function convert(variable: string, elem: string, source: string, map: string): Conversion {
  return {
    lead: `let ${variable}: Vec<${elem}> = `,
    root: source,
    children: [".iter()", `.map(${map})`, ".collect()"],
  };
}

interface Acc {
  args: string[];
  prelude: Conversion[];
  notes: string[];
}

function bindOne(design: Design, f: FieldDesign, n: number, out: Acc): string {
  const name = rustIdent(f.name);
  const ctx = context(design.sql, n);
  const pgType =
    ctx.cast?.replace("[]", "") ?? (ctx.column && columnType(design.tables, ctx.column));
  const decoded = pgType === undefined ? null : columnValue(pgType);
  const wantsI32 = !ctx.limit && decoded === "i32";
  const wantsI64 = ctx.limit || decoded === "i64";
  if (f.type === "int64" && wantsI32) {
    if (!f.repeated) return `${name} as i32`;
    out.prelude.push(convert(`${f.name}_i32`, "i32", name, "|&id| id as i32"));
    return `&${f.name}_i32`;
  }
  if (f.type === "int32" && wantsI64) {
    if (!f.repeated) return `i64::from(${name})`;
    out.prelude.push(convert(`${f.name}_i64`, "i64", name, "|&v| i64::from(v)"));
    return `&${f.name}_i64`;
  }
  if (f.type === "int64" && !f.repeated && pgType === "timestamptz" && f.name.endsWith("_ms")) {
    out.notes.push(
      `$${n} (${f.name}) is epoch milliseconds for a timestamptz: bound as chrono::DateTime::from_timestamp_millis, which is None (NULL) out of range.`,
    );
    return `chrono::DateTime::from_timestamp_millis(${name})`;
  }
  if (!pgType && !ctx.limit) {
    const hint = f.name.endsWith("_ms")
      ? " It holds epoch milliseconds: a timestamptz needs it converted (e.g. chrono's DateTime::from_timestamp_millis)."
      : "";
    out.notes.push(`$${n} (${f.name}) is not compared with a known column: check its type.${hint}`);
  }
  return name;
}

export function sqlBinds(design: Design): Binds {
  const out: Acc = { args: [], prelude: [], notes: [] };
  const count = placeholderCount(design.sql);
  const fields = design.request.length;
  for (let n = 1; n <= Math.min(count, fields); n++)
    out.args.push(bindOne(design, design.request[n - 1]!, n, out));
  // One note for the lot, not one per number: a typed `$99999999` must stay cheap.
  if (count > fields) {
    const range = count === fields + 1 ? `$${count}` : `$${fields + 1}…$${count}`;
    out.notes.push(
      `No request field for ${range} (the request has ${fields}): add one per placeholder.`,
    );
  }
  const unused = design.request.slice(count).map((f) => f.name);
  if (unused.length)
    out.notes.push(`Not bound, as the SQL has no placeholder for them: ${unused.join(", ")}.`);
  return out;
}
