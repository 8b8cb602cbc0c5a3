/**
 * Adds a predicate to one table reference of a statement, the way a reviewer would edit it: into
 * the WHERE of the query level that reads the table (made if there is none), or into the ON of a
 * LEFT JOIN that reads it, qualified by the reference's alias. Works on tokens (tokens.ts) with
 * depths and clause states computed in one pass, so it is linear in the text. Returns null when
 * the place is not certain (the table is read twice under one name, or on the nullable side of a
 * RIGHT or FULL JOIN): a fix is then offered without a rewritten statement.
 */
import { placeholderCount } from "./params";
import { tokenize, type Token } from "./tokens";

export interface Target {
  readonly table: string;
  /** The relation's alias as the plan names it (the table name when it has none). */
  readonly alias: string;
}

/** Words after which a WHERE condition (or a FROM list) has ended at the same depth. */
const ENDS_CONDITION = new Set([
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
const JOIN_WORDS = new Set(["join", "inner", "left", "right", "full", "cross", "natural"]);
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
const FROM_CLAUSES = new Set(["from", "join", "on", "using"]);

interface Lexed {
  readonly sql: string;
  readonly tokens: readonly Token[];
  /** Lower-cased text of each word, "" for other tokens. */
  readonly words: readonly string[];
  readonly depth: readonly number[];
  /** For each token, the innermost open bracket around it (-1 at top level). */
  readonly parent: readonly number[];
  /** For each open bracket, its closing token (tokens.length when unclosed). */
  readonly close: ReadonlyMap<number, number>;
  /** The clause keyword in force at each token, at its depth. */
  readonly clause: readonly string[];
}

function lex(sql: string): Lexed {
  const { tokens } = tokenize(sql);
  const words: string[] = [];
  const depth: number[] = [];
  const parent: number[] = [];
  const clause: string[] = [];
  const close = new Map<number, number>();
  const open: number[] = [];
  const clauses: string[] = [""];
  tokens.forEach((t, k) => {
    const text = sql.slice(t.start, t.end);
    const word = t.kind === "word" ? t.lower : "";
    words.push(word);
    if (t.kind === "punct" && (text === ")" || text === "]")) {
      const opened = open.pop();
      if (opened !== undefined) close.set(opened, k);
      clauses.pop();
    }
    depth.push(open.length);
    parent.push(open[open.length - 1] ?? -1);
    if (CLAUSES.has(word)) clauses[clauses.length - 1] = JOIN_WORDS.has(word) ? "join" : word;
    clause.push(clauses[clauses.length - 1] ?? "");
    if (t.kind === "punct" && (text === "(" || text === "[")) {
      open.push(k);
      clauses.push("");
    }
  });
  for (const k of open) close.set(k, tokens.length);
  return { sql, tokens, words, depth, parent, close, clause };
}

const text = (lx: Lexed, k: number) => {
  const t = lx.tokens[k];
  return t ? lx.sql.slice(t.start, t.end) : "";
};
const isPunct = (lx: Lexed, k: number, p: string) =>
  lx.tokens[k]?.kind === "punct" && text(lx, k) === p;

/** The name a token spells: unquoted words fold to lower case, quoted identifiers do not. */
function nameOf(lx: Lexed, k: number): string | null {
  const t = lx.tokens[k];
  if (t?.kind === "word") return lx.words[k] ?? null;
  if (t?.kind === "quoted") return text(lx, k).slice(1, -1).replaceAll('""', '"');
  return null;
}

interface TableRef {
  /** The table name's token (after any schema qualifier). */
  readonly at: number;
  /** The first token of the reference (the schema, when qualified). */
  readonly first: number;
  /** The alias token, if any. */
  readonly alias: number | null;
}

/** Is the name at `k` a table in a FROM list (or UPDATE/DELETE's target), not a column? */
function tableRefAt(lx: Lexed, k: number): TableRef | null {
  if (isPunct(lx, k + 1, ".") || isPunct(lx, k + 1, "(")) return null;
  let first = k;
  if (isPunct(lx, k - 1, ".")) {
    if (nameOf(lx, k - 2) === null || isPunct(lx, k - 3, ".")) return null;
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
  const named = nameOf(lx, next);
  const isAlias = named !== null && (lx.tokens[next]?.kind === "quoted" || !NOT_ALIAS.has(named));
  return { at: k, first, alias: isAlias ? next : null };
}

/** The bracket that opens the query level holding `k` (-1: the statement itself). */
function queryLevel(lx: Lexed, k: number): number {
  let open = lx.parent[k] ?? -1;
  // Parentheses around a join (`FROM (a JOIN b ON …)`) are not a query level of their own.
  while (open >= 0 && !["select", "with", "values"].includes(lx.words[open + 1] ?? "")) {
    open = lx.parent[open] ?? -1;
  }
  return open;
}

/** Is `k` a point where the condition or FROM list at `depth` has ended? */
function endsAt(lx: Lexed, k: number, depth: number, end: number): boolean {
  if (k >= end) return true;
  if ((lx.depth[k] ?? 0) !== depth) return false;
  const word = lx.words[k] ?? "";
  return (
    ENDS_CONDITION.has(word) ||
    isPunct(lx, k, ";") ||
    (word === "on" && lx.words[k + 1] === "conflict")
  );
}

interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** Appends `predicate` to the condition from token `from` to the token before `to`. */
function appendTo(lx: Lexed, from: number, to: number, depth: number, predicate: string) {
  const firstToken = lx.tokens[from];
  const lastToken = lx.tokens[to - 1];
  if (!firstToken || !lastToken || to <= from) return null;
  let hasOr = false;
  for (let k = from; k < to; k++) if (lx.depth[k] === depth && lx.words[k] === "or") hasOr = true;
  const insertions: Insertion[] = hasOr
    ? [
        { at: firstToken.start, text: "(" },
        { at: lastToken.end, text: `) AND ${predicate}` },
      ]
    : [{ at: lastToken.end, text: ` AND ${predicate}` }];
  return insertions;
}

/** The ON condition of the join that reads `ref` (for a LEFT JOIN's nullable side). */
function onCondition(lx: Lexed, ref: TableRef, depth: number, end: number, predicate: string) {
  let on = -1;
  for (let k = ref.at + 1; !endsAt(lx, k, depth, end); k++) {
    if (lx.depth[k] !== depth) continue;
    if (lx.words[k] === "on") {
      on = k;
      break;
    }
    if (JOIN_WORDS.has(lx.words[k] ?? "") || lx.words[k] === "using" || isPunct(lx, k, ","))
      return null;
  }
  if (on < 0) return null;
  let stop = on + 1;
  while (
    !endsAt(lx, stop, depth, end) &&
    !(
      lx.depth[stop] === depth &&
      (JOIN_WORDS.has(lx.words[stop] ?? "") || lx.words[stop] === "where" || isPunct(lx, stop, ","))
    )
  ) {
    stop++;
  }
  return appendTo(lx, on + 1, stop, depth, predicate);
}

function whereCondition(lx: Lexed, ref: TableRef, depth: number, end: number, predicate: string) {
  let k = ref.at + 1;
  while (!endsAt(lx, k, depth, end) && !(lx.depth[k] === depth && lx.words[k] === "where")) k++;
  if (lx.words[k] === "where" && k < end) {
    let stop = k + 1;
    while (!endsAt(lx, stop, depth, end)) stop++;
    return appendTo(lx, k + 1, stop, depth, predicate);
  }
  const last = lx.tokens[k - 1];
  return last ? [{ at: last.end, text: ` WHERE ${predicate}` }] : null;
}

/** Is the reference on the side of a join whose rows may be null-extended? */
function joinSide(lx: Lexed, ref: TableRef, depth: number, end: number): "left" | "unsafe" | null {
  let k = ref.first - 1;
  if (lx.words[k] === "only") k--;
  if (lx.words[k] === "join") {
    let m = k - 1;
    if (lx.words[m] === "outer") m--;
    if (lx.words[m] === "left") return "left";
    if (lx.words[m] === "full") return "unsafe";
  }
  for (let j = ref.at + 1; !endsAt(lx, j, depth, end); j++) {
    if (lx.depth[j] !== depth) continue;
    if (lx.words[j] === "where") break;
    if (lx.words[j] === "right" || lx.words[j] === "full") return "unsafe";
  }
  return null;
}

/** Several relations at one level: a bare column name could be ambiguous, so qualify it. */
function sharesLevel(lx: Lexed, level: number, depth: number, end: number): boolean {
  let update = false;
  let del = false;
  for (let k = level + 1; k < end; k++) {
    if (lx.depth[k] !== depth) continue;
    const word = lx.words[k] ?? "";
    if (word === "join") return true;
    if (isPunct(lx, k, ",") && FROM_CLAUSES.has(lx.clause[k] ?? "")) return true;
    if (word === "update") update = true;
    if (word === "delete") del = true;
    if ((word === "from" && update) || (word === "using" && del)) return true;
  }
  return false;
}

export interface Rewritten {
  readonly sql: string;
  /** The predicate as inserted, qualified as the statement needs (`d.team_id = $3`). */
  readonly predicate: string;
}

/** `sql` with `column = value` added for the reference `target`, or null when not certain where. */
export function addPredicate(
  sql: string,
  target: Target,
  column: string,
  value: string,
): Rewritten | null {
  const lx = lex(sql);
  const refs: TableRef[] = [];
  lx.tokens.forEach((_, k) => {
    if (nameOf(lx, k) !== target.table) return;
    const ref = tableRefAt(lx, k);
    if (!ref) return;
    const alias = ref.alias === null ? target.table : nameOf(lx, ref.alias);
    if (alias === target.alias) refs.push(ref);
  });
  const ref = refs[0];
  if (!ref || refs.length > 1) return null;
  const level = queryLevel(lx, ref.at);
  const depth = level < 0 ? 0 : (lx.depth[level] ?? 0) + 1;
  const end = level < 0 ? lx.tokens.length : (lx.close.get(level) ?? lx.tokens.length);
  const qualifier =
    ref.alias !== null
      ? `${text(lx, ref.alias)}.`
      : sharesLevel(lx, level, depth, end)
        ? `${sql.slice(lx.tokens[ref.first]?.start, lx.tokens[ref.at]?.end)}.`
        : "";
  const predicate = `${qualifier}${column} = ${value}`;
  const side = joinSide(lx, ref, depth, end);
  if (side === "unsafe") return null;
  const insertions =
    side === "left"
      ? onCondition(lx, ref, depth, end, predicate)
      : whereCondition(lx, ref, depth, end, predicate);
  if (!insertions) return null;
  let out = sql;
  for (const ins of [...insertions].sort((a, b) => b.at - a.at)) {
    out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  }
  return { sql: out, predicate };
}

/** The placeholder a new predicate takes: one past the highest the statement uses. */
export function nextPlaceholder(sql: string): string {
  return `$${placeholderCount(sql) + 1}`;
}
