/**
 * The SELECT list of a `query_as!` written so it decodes into its target struct, as PostHog's
 * queries are: each field from its table column, cast where the column's type is not the field's
 * (`id::bigint` for an int4 id into i64) and with sqlx's nullability overrides where sqlx would
 * decide otherwise (`as "id!"` after a cast, `as "x?"` for a NOT NULL column into an Option).
 * sqlx knows a column is NOT NULL only when it comes straight from a table; any expression may be
 * NULL. Types come from the schema (lib/sql/schema); the statement is read with the SQL lab's
 * tokenizer, so strings, comments and quoted names in the design's SQL never match.
 *
 * A field no column of the statement's tables can fill, a column that cannot be converted, or a
 * selected value the struct has no field for is a problem on the Rust step: the pasted code would
 * not compile.
 */
import type { RowField, RowValue } from "../catalogue/storage-rows";
import { findTable, type ColumnSpec } from "./schema";
import { nameOf, tokenize, type Token } from "./tokens";
import { parseColumnAlias } from "./sqlx-column-alias";

/** What a column decodes to before any cast; `text[]` has no field type of its own. */
type ColumnValue = RowValue | "i16" | "StringArray";

/** The Rust type sqlx decodes a PostgreSQL type (its name, as the schema or a cast writes it) to. */
export function columnValue(type: string): ColumnValue | null {
  const t = type.toLowerCase();
  if (t === "integer" || t === "int" || t === "int4" || t === "serial") return "i32";
  if (t === "bigint" || t === "int8" || t === "bigserial") return "i64";
  if (t === "smallint" || t === "int2") return "i16";
  if (t === "text" || t.startsWith("varchar") || t.startsWith("character varying")) return "String";
  if (t === "jsonb" || t === "json") return "Value";
  if (t === "timestamptz" || t === "timestamp with time zone") return "DateTime";
  if (t === "uuid") return "Uuid";
  if (t === "boolean" || t === "bool") return "bool";
  if (t === "double precision" || t === "float8") return "f64";
  if (t === "text[]" || (t.startsWith("varchar(") && t.endsWith("[]"))) return "StringArray";
  return null;
}

/** How a column of one type becomes a field of another; null when it cannot. */
const CONVERSIONS: Readonly<Record<string, (c: string) => string>> = {
  "i32>i64": (c) => `${c}::bigint`,
  "i16>i64": (c) => `${c}::bigint`,
  "i16>i32": (c) => `${c}::integer`,
  "Uuid>String": (c) => `${c}::text`,
  "Value>String": (c) => `${c}::text`,
  // Times travel as epoch milliseconds in the protos.
  "DateTime>i64": (c) => `(extract(epoch from ${c}) * 1000)::bigint`,
  "Value>Bytes": (c) => `convert_to(${c}::text, 'UTF8')`,
  "String>Bytes": (c) => `convert_to(${c}, 'UTF8')`,
  "StringArray>Value": (c) => `to_jsonb(${c})`,
  "i32>bool": (c) => `(${c} != 0)`,
};

function convert(from: ColumnValue, to: RowValue, ref: string): string | null {
  if (from === to) return ref;
  return CONVERSIONS[`${from}>${to}`]?.(ref) ?? null;
}

const STOP = new Set([
  "where",
  "group",
  "order",
  "limit",
  "offset",
  "having",
  "window",
  "union",
  "intersect",
  "except",
  "for",
  "fetch",
]);
const NOT_ALIAS = new Set([
  ...STOP,
  "join",
  "inner",
  "left",
  "right",
  "full",
  "cross",
  "natural",
  "on",
  "using",
  "lateral",
]);

interface Item {
  /** The value's text, without its alias. */
  readonly body: string;
  /** The name sqlx sees: the alias (without sqlx's suffixes) or the column's name. */
  readonly name: string;
  readonly ref: { readonly qualifier: string | null; readonly column: string } | null;
  readonly star: boolean;
}

interface SelectList {
  readonly start: number;
  readonly end: number;
  readonly items: readonly Item[];
  /** Alias (or table name) → table, for the tables the FROM clause names. */
  readonly from: ReadonlyMap<string, string>;
  /** Each table's alias as written, when it has one. */
  readonly aliasOf: ReadonlyMap<string, string>;
}

const ident = (sql: string, t: Token) => nameOf(sql, t) ?? t.lower;

/** The item's output name and column reference, from its tokens. */
function readItem(sql: string, toks: readonly Token[]): Item | null {
  if (toks.length === 0) return null;
  let body = toks;
  let alias: string | null = null;
  const last = toks.at(-1)!;
  const beforeLast = toks.at(-2);
  if (beforeLast?.lower === "as" && (last.kind === "word" || last.kind === "quoted")) {
    alias = ident(sql, last);
    body = toks.slice(0, -2);
  } else if (
    toks.length >= 2 &&
    (last.kind === "word" || last.kind === "quoted") &&
    beforeLast &&
    (beforeLast.kind === "word" || beforeLast.kind === "quoted")
  ) {
    alias = ident(sql, last);
    body = toks.slice(0, -1);
  }
  const isName = (t: Token | undefined) =>
    t?.kind === "quoted" || (t?.kind === "word" && !/^(true|false|null)$/.test(t.lower));
  let ref: Item["ref"] = null;
  let star = false;
  if (body.length === 1 && isName(body[0])) ref = { qualifier: null, column: ident(sql, body[0]!) };
  else if (body.length === 3 && isName(body[0]) && body[1]!.lower === ".") {
    if (isName(body[2])) ref = { qualifier: ident(sql, body[0]!), column: ident(sql, body[2]!) };
    else star = body[2]!.lower === "*";
  } else star = body.length === 1 && body[0]!.lower === "*";
  if (body.length === 0) return null;
  const name = alias !== null ? parseColumnAlias(alias).name : (ref?.column ?? "?column?");
  return { body: sql.slice(body[0]!.start, body.at(-1)!.end), name, ref, star };
}

/** The top-level SELECT list and FROM clause of the statement; null when it has neither. */
function selectList(sql: string): SelectList | null {
  const { tokens, unclosed } = tokenize(sql);
  if (unclosed) return null;
  let depth = 0;
  let select = -1;
  let from = -1;
  let fromEnd = tokens.length;
  const commas: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower === "(") depth++;
    else if (t.lower === ")") depth--;
    if (depth !== 0 || (t.kind !== "word" && t.lower !== ",")) continue;
    if (select < 0) {
      if (t.lower === "select") select = i;
      continue;
    }
    if (from < 0) {
      if (t.lower === "from") from = i;
      else if (t.lower === ",") commas.push(i);
      continue;
    }
    if (STOP.has(t.lower)) {
      fromEnd = i;
      break;
    }
  }
  if (select < 0 || from < 0) return null;
  let first = select + 1;
  if (tokens[first]?.lower === "all") first++;
  // DISTINCT (ON (…)) stays as written, before the list.
  if (tokens[first]?.lower === "distinct") return null;
  const bounds = [first - 1, ...commas, from];
  const items: Item[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const item = readItem(sql, tokens.slice(bounds[k]! + 1, bounds[k + 1]));
    if (!item) return null;
    items.push(item);
  }
  const fromMap = new Map<string, string>();
  const aliasOf = new Map<string, string>();
  for (let i = from + 1; i < fromEnd; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || !findTable(t.lower) || tokens[i - 1]?.lower === ".") continue;
    fromMap.set(t.lower, t.lower);
    let next = tokens[i + 1];
    if (next?.lower === "as") next = tokens[i + 2];
    if (next && (next.kind === "word" || next.kind === "quoted") && !NOT_ALIAS.has(next.lower)) {
      fromMap.set(ident(sql, next), t.lower);
      aliasOf.set(t.lower, sql.slice(next.start, next.end));
    }
  }
  return { start: tokens[first]!.start, end: tokens[from]!.start, items, from: fromMap, aliasOf };
}

/** The column a reference names, and the table it is in. */
function findColumn(
  list: SelectList,
  ref: NonNullable<Item["ref"]>,
): { table: string; column: ColumnSpec } | null {
  const tables = ref.qualifier
    ? [list.from.get(ref.qualifier)].filter((t) => t !== undefined)
    : [...new Set(list.from.values())];
  for (const table of tables) {
    const column = findTable(table)?.columns.find((c) => c.name === ref.column);
    if (column) return { table, column };
  }
  return null;
}

export interface SelectFit {
  /** The statement with its SELECT list written for the struct; null when it was left as is. */
  readonly sql: string | null;
  /** Why the struct cannot be filled: each an error on the Rust step. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

/** `expr as "name!"`: the alias sqlx reads, with the suffix that gives the field's nullability. */
function aliased(expr: string, field: RowField, suffix: "" | "!" | "?"): string {
  const plain = suffix === "" && expr.split(".").pop() === field.name;
  return plain ? expr : `${expr} as "${field.name}${suffix}"`;
}

/** One field's SELECT item from a table column, or why it cannot be one. */
function columnItem(
  field: RowField,
  column: ColumnSpec,
  ref: string,
): { item: string } | { problem: string } {
  const from = columnValue(column.type);
  const expr = from && convert(from, field.value, ref);
  if (!expr)
    return {
      problem: `${column.name} is ${column.type}, which sqlx cannot decode into ${field.name}'s type (${field.value}${field.nullable ? ", optional" : ""}).`,
    };
  const cast = expr !== ref;
  // sqlx knows NOT NULL only for a column straight from its table.
  const decodedNullable = cast || !column.notNull;
  if (field.nullable) return { item: aliased(expr, field, decodedNullable ? "" : "?") };
  return { item: aliased(expr, field, decodedNullable ? "!" : "") };
}

/**
 * The SELECT list of `sql` rewritten to fill every field of `target`; `sql` unchanged (null) when
 * it is not a plain SELECT the rule can read.
 */
export function fitSelect(sql: string, target: string, fields: readonly RowField[]): SelectFit {
  const list = selectList(sql);
  if (!list)
    return {
      sql: null,
      problems: [],
      notes: [
        `query_as!(${target}, …) fills ${target} by column name: select every field, cast and annotated as the struct needs (the generator writes that only for a plain SELECT … FROM).`,
      ],
    };
  const problems: string[] = [];
  const notes: string[] = [];
  const byName = new Map(list.items.map((i) => [i.name, i]));
  const star = list.items.some((i) => i.star);
  for (const item of list.items)
    if (!item.star && !fields.some((f) => f.name === item.name))
      problems.push(
        `The query selects ${JSON.stringify(item.name)}, which ${target} has no field for: query_as! needs exactly its fields.`,
      );
  const lines: string[] = [];
  const nullableForced: string[] = [];
  for (const field of fields) {
    const item = byName.get(field.name);
    if (item && !item.ref) {
      // An expression: its type is PostgreSQL's to decide; keep it, with the field's nullability.
      lines.push(aliased(item.body, field, field.nullable ? "" : "!"));
      notes.push(`${field.name} is computed: check that its type is ${target}'s.`);
      continue;
    }
    const ref = item?.ref ?? { qualifier: null, column: field.name };
    const found = findColumn(list, ref);
    if (!found) {
      const tables = [...new Set(list.from.values())].join(", ") || "the statement";
      problems.push(
        `${target}.${field.name} has no column to come from in ${tables}: select it, or return another type.`,
      );
      continue;
    }
    const several = new Set(list.from.values()).size > 1;
    const qualifier = list.aliasOf.get(found.table) ?? (several ? found.table : null);
    const text = item
      ? item.body
      : qualifier
        ? `${qualifier}.${found.column.name}`
        : found.column.name;
    const fit = columnItem(field, found.column, text);
    if ("problem" in fit) problems.push(fit.problem);
    else lines.push(fit.item);
    if (!field.nullable && !found.column.notNull) nullableForced.push(found.column.name);
  }
  if (nullableForced.length)
    notes.push(
      `${nullableForced.join(", ")} may be NULL in the table but not in ${target}: "x!" decodes it, and a NULL row fails at run time.`,
    );
  const added = fields.filter((f) => !byName.has(f.name)).map((f) => f.name);
  if (star) notes.push(`The * is written out as ${target}'s fields.`);
  else if (added.length)
    notes.push(
      `query_as! fills every field of ${target}, so the SELECT list also reads ${added.join(", ")}.`,
    );
  if (problems.length) return { sql: null, problems, notes };
  const lineStart = sql.lastIndexOf("\n", list.start) + 1;
  const indent = " ".repeat((/^ */.exec(sql.slice(lineStart))?.[0].length ?? 0) + 4);
  const written = `\n${lines.map((l) => indent + l).join(",\n")}\n${indent.slice(4)}`;
  return {
    sql: `${sql.slice(0, list.start).trimEnd()}${written}${sql.slice(list.end)}`,
    problems,
    notes,
  };
}

/**
 * The single value of a `query_scalar!` written so it decodes into `value` and not an Option: an
 * expression (`COUNT(*)`) or a nullable column gets sqlx's `as "name!"` override, a column of
 * another type its cast, as PostHog writes `COUNT(*) as "count!"`. Null when the statement is not
 * a plain SELECT of one value, or already says what sqlx needs.
 */
export function fitScalar(sql: string, name: string, value: RowValue): string | null {
  const list = selectList(sql);
  const item = list?.items.length === 1 ? list.items[0]! : null;
  if (!list || !item || item.star) return null;
  const field: RowField = {
    name: item.name === "?column?" ? name : item.name,
    value,
    nullable: false,
  };
  const segment = sql.slice(list.start, list.end);
  const found = item.ref && findColumn(list, item.ref);
  let written: string;
  if (found) {
    const fit = columnItem(field, found.column, item.body);
    if ("problem" in fit) return null;
    written = fit.item;
  } else if (/!"$/.test(segment.trimEnd())) return null;
  else written = aliased(item.body, field, "!");
  if (written === segment.trimEnd()) return null;
  const space = /\s*$/.exec(segment)![0];
  return `${sql.slice(0, list.start)}${written}${space}${sql.slice(list.end)}`;
}
