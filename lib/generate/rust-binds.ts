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
import type { Block } from "./code";
import { chain } from "./rust-layout";

export interface Binds {
  /** Argument expressions after the SQL, in `$1..$n` order. */
  readonly args: readonly string[];
  /** Array conversions to run before the query: `let copy = array.iter().map(…).collect();`. */
  readonly prelude: readonly Block[];
  readonly notes: readonly string[];
}

const OPERATOR = String.raw`(?:=|<>|!=|<=|>=|<|>)`;
const NAME = String.raw`[A-Za-z_][\w.]*`;

/**
 * The PostgreSQL type `$n` takes: an explicit cast's, LIMIT/OFFSET's bigint, or that of a column
 * of the design's tables it is compared with. The SQL is untrusted and up to 20,000 characters,
 * so every pattern starts only where its first token starts: the column pattern only at the
 * beginning of a word (the lookbehind), never inside one, which would rescan a long word from
 * every position (seconds per placeholder).
 */
export function paramType(design: Design, n: number): string | undefined {
  const p = String.raw`\$${n}(?!\d)`;
  const cast = new RegExp(`${p}::([a-z_ ]+(?:\\[\\])?)`, "i").exec(design.sql);
  if (cast) return cast[1]!.trim().toLowerCase().replace("[]", "");
  if (new RegExp(String.raw`\b(?:LIMIT|OFFSET)\s+${p}`, "i").test(design.sql)) return "bigint";
  const left = new RegExp(
    String.raw`(?<![\w.])(${NAME})\s*${OPERATOR}\s*(?:ANY\s*\(\s*)?${p}`,
    "i",
  );
  const right = new RegExp(String.raw`${p}\s*${OPERATOR}\s*(${NAME})`, "i");
  // GREATEST(col, $n), COALESCE($n, col): the parameter takes the column's type.
  const paired = new RegExp(
    String.raw`(?:GREATEST|LEAST|COALESCE)\s*\(\s*(?:(${NAME})\s*,\s*${p}|${p}\s*,\s*(${NAME}))`,
    "i",
  ).exec(design.sql);
  const found = left.exec(design.sql) ?? right.exec(design.sql);
  const column = (found?.[1] ?? paired?.[1] ?? paired?.[2])?.split(".").pop();
  const columns = design.tables.flatMap((name) => findTable(name)?.columns ?? []);
  return columns.find((c) => c.name === column)?.type.toLowerCase();
}

/** Integer widths sqlx does not convert: the cast of one value, the map copying an array. */
const WIDENINGS: Readonly<Record<string, { one: (v: string) => string; map: string }>> = {
  "int64>i32": { one: (v) => `${v} as i32`, map: "|&id| id as i32" },
  // Widened with `as` too, as delete_cohort_members_bulk binds `batch_size as i64`.
  "int32>i64": { one: (v) => `${v} as i64`, map: "|&v| v as i64" },
};

/** The argument for `$n`, with the array copy it needs first or a note on its type. */
function bind(design: Design, f: FieldDesign, n: number) {
  const name = rustIdent(f.name);
  const pgType = paramType(design, n);
  const value = pgType === undefined ? null : columnValue(pgType);
  const widening = WIDENINGS[`${f.type}>${value}`];
  if (widening && !f.repeated) return { arg: widening.one(name) };
  if (widening) {
    const copy = `${f.name}_${value}`;
    const children = [".iter()", `.map(${widening.map})`, ".collect()"];
    return {
      arg: `&${copy}`,
      prelude: chain(`let ${copy}: Vec<${value}> = `, name, children, ";"),
    };
  }
  if (f.type === "int64" && !f.repeated && pgType === "timestamptz" && f.name.endsWith("_ms"))
    return {
      arg: `chrono::DateTime::from_timestamp_millis(${name})`,
      note: `$${n} (${f.name}) is epoch milliseconds for a timestamptz: bound as chrono::DateTime::from_timestamp_millis, which is None (NULL) out of range.`,
    };
  if (pgType) return { arg: name };
  const hint = f.name.endsWith("_ms")
    ? " It holds epoch milliseconds: a timestamptz needs it converted (e.g. chrono's DateTime::from_timestamp_millis)."
    : "";
  return {
    arg: name,
    note: `$${n} (${f.name}) is not compared with a known column: check its type.${hint}`,
  };
}

export function sqlBinds(design: Design): Binds {
  const count = placeholderCount(design.sql);
  const fields = design.request.length;
  const binds = design.request.slice(0, count).map((f, i) => bind(design, f, i + 1));
  const notes = binds.flatMap((b) => b.note ?? []);
  // One note for the lot, not one per number: a typed `$99999999` must stay cheap.
  if (count > fields) {
    const range = count === fields + 1 ? `$${count}` : `$${fields + 1}…$${count}`;
    notes.push(
      `No request field for ${range} (the request has ${fields}): add one per placeholder.`,
    );
  }
  const unused = design.request.slice(count).map((f) => f.name);
  if (unused.length)
    notes.push(`Not bound, as the SQL has no placeholder for them: ${unused.join(", ")}.`);
  const prelude = binds.flatMap((b) => b.prelude ?? []);
  return { args: binds.map((b) => b.arg), prelude, notes };
}
