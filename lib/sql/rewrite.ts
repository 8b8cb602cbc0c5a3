/**
 * Adds a predicate to one table reference of a statement, the way a reviewer would edit it: into
 * the WHERE of the query level that reads the table (made if there is none), or into the ON of a
 * LEFT JOIN that reads it, qualified by the reference's alias. Works on tokens (tokens.ts) with
 * depths and clause states computed in one pass, so it is linear in the text. Returns null when
 * the place is not certain (the table is read twice under one name, or on the nullable side of a
 * RIGHT or FULL JOIN): a fix is then offered without a rewritten statement.
 */
import { placeholderCount } from "./params";
import {
  ENDS_CONDITION,
  FROM_CLAUSES,
  isPunct,
  JOIN_WORDS,
  lex,
  nameAt,
  tableRefAt,
  text,
  type Lexed,
  type TableRef,
} from "./levels";

export interface Target {
  readonly table: string;
  /** The relation's alias as the plan names it (the table name when it has none). */
  readonly alias: string;
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
    if (nameAt(lx, k) !== target.table) return;
    const ref = tableRefAt(lx, k);
    if (!ref) return;
    const alias = ref.alias === null ? target.table : nameAt(lx, ref.alias);
    if (alias === target.alias) refs.push(ref);
  });
  const ref = refs[0];
  if (!ref || refs.length > 1) return null;
  const level = lx.level[ref.at] ?? -1;
  const depth = level < 0 ? 0 : (lx.depth[level] ?? 0) + 1;
  const end = level < 0 ? lx.tokens.length : (lx.partner.get(level) ?? lx.tokens.length);
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
