/**
 * Does each column a sqlx macro decodes land in a Rust value of the same type? sqlx decodes a
 * column into exactly the type PostgreSQL's Describe gives it (int4 → i32, int8 → i64, jsonb →
 * serde_json::Value, a nullable column → Option), after the `as "x!"` / `"x?"` / `"x: T"`
 * overrides; the generated code then puts it in a struct field (`query_as!`) or returns it
 * (`query_scalar!`). This reads the generated Rust for the macros and their targets, and compares
 * the column types (from sqlx-describe.ts) with the targets' types, column by column.
 */
import { readStringLiteral, stringLiteralValue } from "./scan";
import type { ColumnType } from "./sqlx-describe";

export type SqlxMacro = "query" | "query_as" | "query_scalar";

export interface SqlxCall {
  readonly macro: SqlxMacro;
  /** `query_as!`'s struct. */
  readonly target: string | null;
  readonly sql: string;
  /** `fetch_one`, `fetch_optional`, `fetch_all`, `execute`; null when none follows. */
  readonly fetch: string | null;
  /** T of the enclosing `-> StorageResult<T>`, when there is one. */
  readonly returns: string | null;
}

const MACRO = /\bsqlx::(query|query_as|query_scalar)!\s*\(\s*/g;
const FETCH = /\)\s*\.\s*(fetch_one|fetch_optional|fetch_all|execute)\b/;
const RETURNS = /\bfn\s+\w+[^{;]*?->\s*StorageResult<([^{;]*)>\s*\{/g;

/** The `-> StorageResult<T>` of the last function opened before `end`. */
function enclosingReturn(rust: string, end: number): string | null {
  let last: string | null = null;
  for (const m of rust.slice(0, end).matchAll(RETURNS)) last = m[1]!.trim();
  return last;
}

/** Every `sqlx::query!`/`query_as!`/`query_scalar!` call of a Rust text, with its target. */
export function sqlxCalls(rust: string): SqlxCall[] {
  const calls: SqlxCall[] = [];
  for (const m of rust.matchAll(MACRO)) {
    const macro = m[1] as SqlxMacro;
    let i = m.index + m[0].length;
    let target: string | null = null;
    if (macro === "query_as") {
      const t = /^([A-Za-z_][\w:]*)\s*,\s*/.exec(rust.slice(i));
      if (!t) continue;
      target = t[1]!;
      i += t[0].length;
    }
    const literal = readStringLiteral(rust, i);
    if (!literal) continue;
    // The binds are plain expressions: the first `)` followed by a fetch closes the macro.
    const fetch = FETCH.exec(rust.slice(literal.end))?.[1] ?? null;
    calls.push({
      macro,
      target,
      sql: stringLiteralValue(literal.text),
      fetch,
      returns: enclosingReturn(rust, m.index),
    });
  }
  return calls;
}

/** Every `struct X { pub f: T, … }` of a Rust text: field name → type, per struct. */
export function structFields(rust: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const m of rust.matchAll(/\bstruct\s+(\w+)\s*\{([^}]*)\}/g)) {
    const fields = new Map<string, string>();
    for (const f of m[2]!.matchAll(/^\s*pub\s+(?:r#)?(\w+)\s*:\s*(.+?),?\s*$/gm))
      fields.set(f[1]!, canonicalType(f[2]!));
    out.set(m[1]!, fields);
  }
  return out;
}

/** Paths the same type is spelled with, in sqlx's describe output and in personhog's code. */
const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/::core::option::Option\b/g, "Option"],
  [/::std::vec::Vec\b/g, "Vec"],
  [/::std::string::String\b/g, "String"],
  [/(?:::sqlx::types::JsonValue|\bserde_json::Value|\bJsonValue)\b/g, "Value"],
  [/(?:::sqlx::types::chrono::|\bchrono::)/g, ""],
  [/(?:::sqlx::types::|\buuid::)Uuid\b/g, "Uuid"],
];

/** One spelling per type: `Option<serde_json::Value>` and `::core::option::Option<::sqlx::types::JsonValue>` agree. */
export function canonicalType(rust: string): string {
  let t = rust.replace(/\s+/g, "");
  for (const [from, to] of SPELLINGS) t = t.replace(from, to);
  return t.replace(/\bValue\b/g, "serde_json::Value");
}

/** The type one decoded value must have for `query_scalar!` to return `T` after this fetch. */
function scalarTarget(fetch: string | null, returns: string | null): string | null {
  if (returns === null) return null;
  const t = canonicalType(returns);
  const inner = (wrapper: string) =>
    t.startsWith(`${wrapper}<`) && t.endsWith(">") ? t.slice(wrapper.length + 1, -1) : null;
  if (fetch === "fetch_all") return inner("Vec");
  if (fetch === "fetch_optional") return inner("Option");
  return fetch === "fetch_one" ? t : null;
}

/**
 * What does not fit, one sentence per column (empty when every decoded column lands in a value of
 * its own type). `structs` holds the storage types the code can name.
 */
export function decodeMismatches(
  call: SqlxCall,
  columns: readonly ColumnType[],
  structs: ReadonlyMap<string, ReadonlyMap<string, string>>,
): string[] {
  if (call.macro === "query") return [];
  const decoded = columns.map((c) => ({ name: c.name, type: canonicalType(c.rust) }));
  if (call.macro === "query_scalar") {
    const target = scalarTarget(call.fetch, call.returns);
    if (decoded.length !== 1)
      return [`query_scalar! needs one column; the statement returns ${decoded.length}`];
    const only = decoded[0]!;
    if (target === null)
      return [`${only.name}: no return type to decode into (StorageResult<${call.returns}>)`];
    return only.type === target
      ? []
      : [`${only.name}: decodes as ${only.type}, the method returns ${target}`];
  }
  const fields = structs.get(call.target!);
  if (!fields) return [`query_as!(${call.target}, …): no struct ${call.target} is known`];
  const out: string[] = [];
  for (const c of decoded) {
    const field = fields.get(c.name);
    if (field === undefined) out.push(`${c.name}: ${call.target} has no such field`);
    else if (field !== c.type)
      out.push(`${c.name}: decodes as ${c.type}, ${call.target}.${c.name} is ${field}`);
  }
  const selected = new Set(decoded.map((c) => c.name));
  for (const name of fields.keys())
    if (!selected.has(name)) out.push(`${call.target}.${name}: no column fills it`);
  return out;
}
