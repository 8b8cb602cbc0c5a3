/**
 * A statement's tokens with the structure the rewrites and the written-join reading need: each
 * bracket's partner, depth and the clause in force at each token, the table references of FROM
 * lists, and the query level (a bracket opening SELECT, WITH or VALUES) each token belongs to.
 * Computed in one pass over the tokens (tokens.ts), so linear in the text.
 */
import { nameOf, partners, tokenize, type Token } from "./tokens";

/** Words after which a WHERE condition (or a FROM list) has ended at the same depth. */
export const ENDS_CONDITION = new Set([
  "group",
  "having",
  "window",
  "order",
  "limit",
  "offset",
  "fetch",
  "for",
  "union",
  "intersect",
  "except",
  "returning",
]);
/** Keywords that start a clause of a query level; the clause state decides what a comma means. */
const CLAUSES = new Set([
  ...ENDS_CONDITION,
  "select",
  "from",
  "where",
  "set",
  "values",
  "on",
  "using",
  "join",
  "into",
  "update",
  "delete",
  "insert",
  "with",
  "conflict",
]);
export const JOIN_WORDS = new Set(["join", "inner", "left", "right", "full", "cross", "natural"]);
/** Words that cannot be a table's alias. */
export const NOT_ALIAS = new Set([
  ...CLAUSES,
  ...JOIN_WORDS,
  "as",
  "outer",
  "lateral",
  "tablesample",
  "only",
  "natural",
]);
/** Words that open a query level right after a bracket. */
const QUERY_WORDS = new Set(["select", "with", "values"]);
export const FROM_CLAUSES = new Set(["from", "join", "on", "using"]);

export interface Lexed {
  readonly sql: string;
  readonly tokens: readonly Token[];
  /** Lower-cased text of each word, "" for other tokens. */
  readonly words: readonly string[];
  readonly depth: readonly number[];
  /** For each token, the innermost open bracket around it (-1 at top level). */
  readonly parent: readonly number[];
  /** For each token, the bracket opening its query level (SELECT, WITH or VALUES; -1: the statement). */
  readonly level: readonly number[];
  /** Each bracket's partner, both ways; an unclosed one's is tokens.length. */
  readonly partner: ReadonlyMap<number, number>;
  /** The clause keyword in force at each token, at its depth. */
  readonly clause: readonly string[];
}

export function lex(sql: string): Lexed {
  const { tokens } = tokenize(sql);
  const words: string[] = [];
  const depth: number[] = [];
  const parent: number[] = [];
  const level: number[] = [];
  const clause: string[] = [];
  const partner = partners(tokens);
  const open: number[] = [];
  // Parentheses around a join (`FROM (a JOIN b ON …)`) are not a query level of their own.
  const levels: number[] = [-1];
  const clauses: string[] = [""];
  tokens.forEach((t, k) => {
    const text = sql.slice(t.start, t.end);
    const word = t.kind === "word" ? t.lower : "";
    words.push(word);
    if (t.kind === "punct" && (text === ")" || text === "]")) {
      open.pop();
      if (levels.length > 1) levels.pop();
      clauses.pop();
    }
    depth.push(open.length);
    parent.push(open[open.length - 1] ?? -1);
    level.push(levels[levels.length - 1] ?? -1);
    if (CLAUSES.has(word)) clauses[clauses.length - 1] = JOIN_WORDS.has(word) ? "join" : word;
    clause.push(clauses[clauses.length - 1] ?? "");
    if (t.kind === "punct" && (text === "(" || text === "[")) {
      open.push(k);
      const opens = QUERY_WORDS.has(tokens[k + 1]?.lower ?? "");
      levels.push(opens ? k : (levels[levels.length - 1] ?? -1));
      clauses.push("");
    }
  });
  for (const k of open) partner.set(k, tokens.length);
  return { sql, tokens, words, depth, parent, level, partner, clause };
}

export const text = (lx: Lexed, k: number) => {
  const t = lx.tokens[k];
  return t ? lx.sql.slice(t.start, t.end) : "";
};
export const isPunct = (lx: Lexed, k: number, p: string) =>
  lx.tokens[k]?.kind === "punct" && text(lx, k) === p;

/** The name token k spells (tokens.ts nameOf). */
export const nameAt = (lx: Lexed, k: number) => nameOf(lx.sql, lx.tokens[k]);

export interface TableRef {
  /** The table name's token (after any schema qualifier). */
  readonly at: number;
  /** The first token of the reference (the schema, when qualified). */
  readonly first: number;
  /** The alias token, if any. */
  readonly alias: number | null;
}

/** Is the name at `k` a table in a FROM list (or UPDATE/DELETE's target), not a column? */
export function tableRefAt(lx: Lexed, k: number): TableRef | null {
  if (isPunct(lx, k + 1, ".") || isPunct(lx, k + 1, "(")) return null;
  let first = k;
  if (isPunct(lx, k - 1, ".")) {
    if (nameAt(lx, k - 2) === null || isPunct(lx, k - 3, ".")) return null;
    first = k - 2;
  }
  let before = first - 1;
  if (lx.words[before] === "only") before--;
  const word = lx.words[before] ?? "";
  const inFromList = isPunct(lx, before, ",") && FROM_CLAUSES.has(lx.clause[before] ?? "");
  const afterFromWord = ["from", "join", "update", "using"].includes(word);
  // "DO UPDATE SET" / "FOR UPDATE OF" never name a table right after UPDATE.
  const statementUpdate = word !== "update" || !["do", "for"].includes(lx.words[before - 1] ?? "");
  if (!(inFromList || (afterFromWord && statementUpdate))) return null;
  let next = k + 1;
  if (lx.words[next] === "as") next++;
  const named = nameAt(lx, next);
  const isAlias = named !== null && (lx.tokens[next]?.kind === "quoted" || !NOT_ALIAS.has(named));
  return { at: k, first, alias: isAlias ? next : null };
}

/**
 * The tables each query level declares: level (its bracket, -1 for the statement) → name the
 * level knows it by (its alias, else its name) → the table, null when two references there use
 * that name (branches of a UNION).
 */
export function declaredTables(lx: Lexed): Map<number, Map<string, string | null>> {
  const levels = new Map<number, Map<string, string | null>>();
  lx.tokens.forEach((_, k) => {
    const table = nameAt(lx, k);
    const ref = table === null ? null : tableRefAt(lx, k);
    const name = ref && (ref.alias === null ? table : nameAt(lx, ref.alias));
    if (!table || !ref || !name) return;
    const level = lx.level[k] ?? -1;
    const names = levels.get(level) ?? new Map<string, string | null>();
    names.set(name, names.has(name) ? null : table);
    levels.set(level, names);
  });
  return levels;
}

/**
 * Where a bare (unqualified) column means `table`'s column, referenced as `name`: at a token whose
 * query level reads that table alone, when no other level uses the name. Elsewhere the column
 * could be another table's of the same name.
 */
export function bareColumnsOf(lx: Lexed, table: string, name: string): (k: number) => boolean {
  const declared = declaredTables(lx);
  const levels = [...declared.values()].filter((names) => names.has(name));
  return (k) => {
    const names = declared.get(lx.level[k] ?? -1);
    return levels.length === 1 && names?.size === 1 && names.get(name) === table;
  };
}
