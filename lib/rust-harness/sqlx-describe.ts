/**
 * What sqlx's query macros learn from PostgreSQL at compile time, computed the same way: a Parse
 * and Describe of the statement (PGlite with personhog's schema) gives each `$n`'s type and each
 * output column's name, type and origin; a column straight from a table is NOT NULL when the
 * table says so, anything else (casts, aggregates, expressions) may be NULL; `as "x!"`, `"x?"`
 * and `"x: T"` override that. The result is written to the describe file the sqlx stand-in's
 * macros read (rust-harness/stand-ins/sqlx-macros), as sqlx reads its offline `.sqlx` data.
 *
 * Limits, as in the README: sqlx also reads EXPLAIN to mark columns from the nullable side of an
 * outer join as Option; this does not. Types sqlx maps only behind a feature (numeric, time
 * ranges, …) are reported as unsupported.
 */
import { concatBytes } from "../bytes";
import type { SqlDatabase } from "../sql/session";
import { parseColumnAlias } from "../sql/sqlx-column-alias";
import { ARRAY_ELEMENT_OIDS } from "../sql/pg-types";
import { readStringLiteral, stringLiteralValue } from "./scan";
import {
  closeStatement,
  describeStatement as describeMessage,
  parseMessage,
  syncMessage,
} from "../sql/wire";

const STATEMENT = "harness_describe";

const CHRONO = "::sqlx::types::chrono";
const STRING = "::std::string::String";

/** PostgreSQL type OID → the Rust type sqlx decodes it to (and expects bound to it). */
const SCALARS: Readonly<Record<number, string>> = {
  16: "bool",
  17: "::std::vec::Vec<u8>",
  18: "i8",
  19: STRING,
  20: "i64",
  21: "i16",
  23: "i32",
  25: STRING,
  114: "::sqlx::types::JsonValue",
  700: "f32",
  701: "f64",
  1042: STRING,
  1043: STRING,
  1082: `${CHRONO}::NaiveDate`,
  1114: `${CHRONO}::NaiveDateTime`,
  1184: `${CHRONO}::DateTime<${CHRONO}::Utc>`,
  2278: "()",
  2950: "::sqlx::types::Uuid",
  3802: "::sqlx::types::JsonValue",
};

/** The Rust type for a type OID, or null when sqlx (without extra features) has none. */
export function rustTypeOf(oid: number): string | null {
  const scalar = SCALARS[oid];
  if (scalar) return scalar;
  const element = ARRAY_ELEMENT_OIDS[oid];
  return element !== undefined && SCALARS[element] ? `::std::vec::Vec<${SCALARS[element]}>` : null;
}

/** A type override is Rust type syntax; anything else would be pasted into the build. */
const RUST_TYPE = /^[A-Za-z_][A-Za-z0-9_]*(?:(?:::|<|>|, ?| )[A-Za-z0-9_]*)*>*$/;

export interface DescribedColumn {
  readonly label: string;
  readonly typeOid: number;
  /** Non-zero when the column comes straight from a table column. */
  readonly tableOid: number;
  readonly columnNumber: number;
}

export interface Described {
  readonly params: readonly number[];
  readonly columns: readonly DescribedColumn[];
}

interface RowField {
  readonly name: string;
  readonly tableID: number;
  readonly columnID: number;
  readonly dataTypeID: number;
}

const isRowField = (f: unknown): f is RowField =>
  typeof f === "object" && f !== null && "dataTypeID" in f && "name" in f;

/** Parse and Describe one statement (nothing runs); PostgreSQL's error message when it fails. */
export async function describeSql(db: SqlDatabase, sql: string): Promise<Described | string> {
  const batch = concatBytes([
    parseMessage(STATEMENT, sql),
    describeMessage(STATEMENT),
    closeStatement(STATEMENT),
    syncMessage(),
  ]);
  const { messages } = await db.execProtocol(batch, { throwOnError: false, syncToFs: false });
  const error = messages.find((m) => m.name === "error");
  if (error) {
    await db.execProtocol(concatBytes([closeStatement(STATEMENT), syncMessage()]), {
      throwOnError: false,
    });
    return error.message ?? "the statement does not describe";
  }
  const params = messages.find((m) => m.name === "parameterDescription")?.dataTypeIDs ?? [];
  const fields = messages.find((m) => m.name === "rowDescription")?.fields ?? [];
  return {
    params,
    columns: fields.filter(isRowField).map((f) => ({
      label: f.name,
      typeOid: f.dataTypeID,
      tableOid: f.tableID,
      columnNumber: f.columnID,
    })),
  };
}

/** `table oid:attnum` of every NOT NULL column of the given tables. */
async function notNullColumns(db: SqlDatabase, tableOids: readonly number[]): Promise<Set<string>> {
  if (!tableOids.length) return new Set();
  const { rows } = await db.query<{ rel: number; num: number }>(
    "SELECT attrelid::int AS rel, attnum::int AS num FROM pg_attribute WHERE attrelid = ANY($1::oid[]) AND attnotnull AND attnum > 0",
    [tableOids],
  );
  return new Set(rows.map((r) => `${r.rel}:${r.num}`));
}

/** Type names for messages about OIDs sqlx cannot map. */
async function typeNames(db: SqlDatabase, oids: readonly number[]): Promise<Map<number, string>> {
  if (!oids.length) return new Map();
  const { rows } = await db.query<{ oid: number; name: string }>(
    "SELECT oid::int AS oid, typname AS name FROM pg_type WHERE oid = ANY($1::oid[])",
    [oids],
  );
  return new Map(rows.map((r) => [r.oid, r.name]));
}

export interface ColumnType {
  readonly name: string;
  /** The Rust type, or `unsupported("typname")`. */
  readonly rust: string;
}

export interface QueryTypes {
  readonly params: readonly string[];
  readonly columns: readonly ColumnType[];
}

/** Each `$n`'s and each column's Rust type, as sqlx's macros decide them. */
export function queryTypes(
  described: Described,
  notNull: ReadonlySet<string>,
  names: ReadonlyMap<number, string>,
): QueryTypes {
  const typeOf = (oid: number) =>
    rustTypeOf(oid) ?? `unsupported(${JSON.stringify(names.get(oid) ?? `oid ${oid}`)})`;
  return {
    params: described.params.map(typeOf),
    columns: described.columns.map((c) => {
      const alias = parseColumnAlias(c.label);
      if (alias.override !== null && !RUST_TYPE.test(alias.override))
        return { name: alias.name, rust: `unsupported(${JSON.stringify(alias.override)})` };
      const base = alias.override ?? typeOf(c.typeOid);
      const fromTable = c.tableOid !== 0 && c.columnNumber > 0;
      const nullable =
        alias.nullability === "?" ||
        (alias.nullability === null &&
          !(fromTable && notNull.has(`${c.tableOid}:${c.columnNumber}`)));
      const rust =
        nullable && !base.startsWith("unsupported(") ? `::core::option::Option<${base}>` : base;
      return { name: alias.name, rust };
    }),
  };
}

/** Describes every statement: its types, or the error PostgreSQL gave. */
export async function describeQueries(
  db: SqlDatabase,
  sqls: readonly string[],
): Promise<Map<string, QueryTypes | string>> {
  const described = new Map<string, Described | string>();
  for (const sql of new Set(sqls)) described.set(sql, await describeSql(db, sql));
  const ok = [...described.values()].filter((d): d is Described => typeof d !== "string");
  const tables = [...new Set(ok.flatMap((d) => d.columns.map((c) => c.tableOid)))].filter(Boolean);
  const oids = [...new Set(ok.flatMap((d) => [...d.params, ...d.columns.map((c) => c.typeOid)]))];
  const notNull = await notNullColumns(db, tables);
  const names = await typeNames(
    db,
    oids.filter((o) => rustTypeOf(o) === null),
  );
  return new Map(
    [...described].map(([sql, d]) => [
      sql,
      typeof d === "string" ? d : queryTypes(d, notNull, names),
    ]),
  );
}

/**
 * The SQL literal of every `query!`, `query_as!` and `query_scalar!` in a Rust file: its source
 * text (the describe file's key) and its value (what PostgreSQL describes).
 */
export function sqlxQueries(rust: string): { literal: string; sql: string }[] {
  const out: { literal: string; sql: string }[] = [];
  for (const m of rust.matchAll(/\bquery(_as|_scalar)?!\s*\(/g)) {
    let i = m.index + m[0].length;
    const lead = /^\s*(?:[A-Za-z_][\w:]*\s*,\s*)?/.exec(rust.slice(i))!;
    i += m[1] === "_as" ? lead[0].length : /^\s*/.exec(rust.slice(i))![0].length;
    const literal = readStringLiteral(rust, i);
    if (literal) out.push({ literal: literal.text, sql: stringLiteralValue(literal.text) });
  }
  return out;
}

/** A plain Rust string literal of `text` (for names and messages in the describe file). */
const rustString = (text: string) =>
  `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/**
 * The describe file: one entry per query, keyed by the SQL literal exactly as it is written in
 * the Rust source, so the macro finds its entry by comparing tokens.
 */
export function renderDescribeFile(
  entries: readonly { literal: string; types: QueryTypes | string }[],
): string {
  const lines = [
    "// Written by the compile harness (lib/rust-harness/sqlx-describe.ts) from PostgreSQL's",
    "// Describe of each query, for the sqlx stand-in's macros. Do not edit.",
  ];
  for (const { literal, types } of entries) {
    const body =
      typeof types === "string"
        ? `error(${rustString(types)})`
        : `params(${types.params.join(", ")}), columns(${types.columns
            .map((c) => `${rustString(c.name)}: ${c.rust}`)
            .join(", ")})`;
    lines.push(`${literal} => { ${body} }`);
  }
  return `${lines.join("\n")}\n`;
}
