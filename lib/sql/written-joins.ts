/**
 * Join keys as the statement writes them (`c.person_id = d.id`). The plan drops a join key whose
 * columns are both fixed to one value (`… AND d.id = $1` makes it two filters), so the join check
 * reads the text too. Works on tokens (tokens.ts): strings and comments never match; one pass.
 */
import { tokenize, type Token } from "./tokens";

export interface WrittenColumn {
  readonly alias: string;
  readonly column: string;
  /** Where the column's name is written: a fix swaps it for another. */
  readonly start: number;
  readonly end: number;
}

export interface WrittenEquality {
  readonly left: WrittenColumn;
  readonly right: WrittenColumn;
}

/** Punctuation that may stand beside an operand that is a whole column: not an operator. */
const BESIDE = new Set(["(", ")", ",", ";"]);

const text = (sql: string, t: Token | undefined) => (t ? sql.slice(t.start, t.end) : "");
const name = (sql: string, t: Token | undefined) =>
  t?.kind === "word" ? t.lower : t?.kind === "quoted" ? text(sql, t).slice(1, -1) : null;

/** `alias.column` starting at token k, with any `::type` after it: the column and the next token. */
function qualified(sql: string, tokens: readonly Token[], k: number) {
  const alias = name(sql, tokens[k]);
  const at = tokens[k + 2];
  const column = name(sql, at);
  if (!alias || !at || !column || text(sql, tokens[k + 1]) !== ".") return null;
  let next = k + 3;
  while (text(sql, tokens[next]) === "::" && tokens[next + 1]?.kind === "word") next += 2;
  return { column: { alias, column, start: at.start, end: at.end }, next };
}

/** Every `a.x = b.y` whose two sides are whole columns (not part of arithmetic around them). */
export function writtenEqualities(sql: string): WrittenEquality[] {
  const { tokens } = tokenize(sql);
  const found: WrittenEquality[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const before = tokens[k - 1];
    if (before?.kind === "punct" && !BESIDE.has(text(sql, before))) continue;
    const left = qualified(sql, tokens, k);
    if (!left || text(sql, tokens[left.next]) !== "=") continue;
    const right = qualified(sql, tokens, left.next + 1);
    const after = right && tokens[right.next];
    if (!right || (after?.kind === "punct" && !BESIDE.has(text(sql, after)))) continue;
    found.push({ left: left.column, right: right.column });
  }
  return found;
}
