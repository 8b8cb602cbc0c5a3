/**
 * Join keys as the statement writes them (`c.person_id = d.id`, or a column compared with the one
 * column a subquery returns: `p.id = (SELECT d.id FROM …)`). The plan drops a join key whose
 * columns are both fixed to one value (`… AND d.id = $1` makes it two filters) and runs a scalar
 * subquery apart (an InitPlan), and a WITH query it materializes hides the table behind it, so
 * the join check reads the text too. Works on tokens (tokens.ts):
 * strings and comments never match; one pass, each position looked at a bounded number of times.
 */
import { NOT_ALIAS } from "./rewrite";
import { tokenize, type Token } from "./tokens";

export interface WrittenColumn {
  readonly alias: string;
  readonly column: string;
  /** Where the column's name is written: a fix swaps it for another. */
  readonly start: number;
  readonly end: number;
  /** The WITH query's column it was read through (`d.id`), as written. */
  readonly via?: { readonly alias: string; readonly column: string };
}

export interface WrittenEquality {
  readonly left: WrittenColumn;
  readonly right: WrittenColumn;
}

/** Punctuation that may stand beside an operand that is a whole column: not an operator. */
export const BESIDE = new Set(["(", ")", ",", ";"]);

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

/** `FROM table [[AS] alias]` at token k: the name the plan gives the table (its alias, else its name). */
function fromName(sql: string, tokens: readonly Token[], k: number): string | null {
  const table = name(sql, tokens[k + 1]);
  if (tokens[k]?.lower !== "from" || !table) return null;
  const next = tokens[k + 2]?.lower === "as" ? k + 3 : k + 2;
  const after = tokens[next];
  const aliased =
    after?.kind === "quoted" || (after?.kind === "word" && !NOT_ALIAS.has(after.lower));
  return aliased ? name(sql, after) : table;
}

/**
 * The one column `(SELECT [alias.]column FROM table [[AS] alias] …` returns, starting at the `(`
 * at token k, named by the alias the plan gives its table.
 */
function subqueryColumn(sql: string, tokens: readonly Token[], k: number): WrittenColumn | null {
  if (text(sql, tokens[k]) !== "(" || tokens[k + 1]?.lower !== "select") return null;
  const dotted = text(sql, tokens[k + 3]) === ".";
  const at = tokens[dotted ? k + 4 : k + 2];
  const column = name(sql, at);
  const table = fromName(sql, tokens, dotted ? k + 5 : k + 3);
  if (!at || !column || !table) return null;
  const owner = dotted ? name(sql, tokens[k + 2]) : table;
  return owner ? { alias: owner, column, start: at.start, end: at.end } : null;
}

type Source = Pick<WrittenColumn, "alias" | "column">;

/** One item of a select list, tokens first to last: `[q.]column [[AS] name]` → its name and source. */
function plainItem(sql: string, tokens: readonly Token[], first: number, last: number) {
  const dotted = text(sql, tokens[first + 1]) === ".";
  const columnAt = dotted ? first + 2 : first;
  const column = name(sql, tokens[columnAt]);
  const asAt = tokens[columnAt + 1]?.lower === "as" ? columnAt + 2 : columnAt + 1;
  if (!column || (asAt !== last + 1 && asAt !== last)) return null;
  const out = asAt === last ? name(sql, tokens[last]) : column;
  return out ? { out, column, qualifier: dotted ? name(sql, tokens[first]) : null } : null;
}

/**
 * What the columns of each WITH query are, when one names a plain column of the table it reads:
 * `WITH d AS (SELECT id, person_id FROM posthog_persondistinctid …)` makes `d.id` the
 * distinct-id table's `id`. Nested brackets are jumped over, so each token is read once per WITH.
 */
function withColumns(sql: string, tokens: readonly Token[]): Map<string, Map<string, Source>> {
  const close = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((_, i) => {
    if (text(sql, tokens[i]) === "(") open.push(i);
    const from = text(sql, tokens[i]) === ")" ? open.pop() : undefined;
    if (from !== undefined) close.set(from, i);
  });
  const ctes = new Map<string, Map<string, Source>>();
  const readBody = (start: number) => {
    const items: { out: string; column: string; qualifier: string | null }[] = [];
    let first = start;
    for (let i = start; i < tokens.length; i++) {
      const word = tokens[i]?.lower;
      if (text(sql, tokens[i]) === "(") i = close.get(i) ?? tokens.length;
      else if (text(sql, tokens[i]) === "," || word === "from") {
        const item = plainItem(sql, tokens, first, i - 1);
        if (item) items.push(item);
        first = i + 1;
        if (word === "from") return { items, table: fromName(sql, tokens, i) };
      } else if (text(sql, tokens[i]) === ")") break;
    }
    return null;
  };
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]?.lower !== "with") continue;
    let i = tokens[k + 1]?.lower === "recursive" ? k + 2 : k + 1;
    for (;;) {
      const cte = name(sql, tokens[i]);
      if (!cte || tokens[i + 1]?.lower !== "as") break;
      i += 2;
      if (tokens[i]?.lower === "not") i++;
      if (tokens[i]?.lower === "materialized") i++;
      const end = close.get(i);
      if (end === undefined) break;
      const body = tokens[i + 1]?.lower === "select" ? readBody(i + 2) : null;
      if (body?.table) {
        const table = body.table;
        const columns = body.items.map(
          (c) => [c.out, { alias: c.qualifier ?? table, column: c.column }] as const,
        );
        ctes.set(cte, new Map(columns));
      }
      if (text(sql, tokens[end + 1]) !== ",") break;
      i = end + 2;
    }
  }
  return ctes;
}

/** Every `a.x = b.y` whose two sides are whole columns (not part of arithmetic around them). */
export function writtenEqualities(sql: string): WrittenEquality[] {
  const { tokens } = tokenize(sql);
  const found: WrittenEquality[] = [];
  const ctes = withColumns(sql, tokens);
  // A WITH query's column is the table column it names, read through the WITH query's name.
  const source = (c: WrittenColumn): WrittenColumn => {
    const from = ctes.get(c.alias)?.get(c.column);
    return from ? { ...c, ...from, via: { alias: c.alias, column: c.column } } : c;
  };
  for (let k = 0; k < tokens.length; k++) {
    const before = tokens[k - 1];
    if (before?.kind === "punct" && !BESIDE.has(text(sql, before))) continue;
    const left = qualified(sql, tokens, k);
    if (!left) continue;
    // `= (SELECT …)`, `= ANY (SELECT …)`, `IN (SELECT …)`: the subquery's one column.
    const op = tokens[left.next];
    const list = op?.lower === "in" ? 1 : tokens[left.next + 1]?.lower === "any" ? 2 : 0;
    const sub = subqueryColumn(sql, tokens, left.next + (list || 1));
    if (sub && (op?.lower === "in" || text(sql, op) === "=")) {
      found.push({ left: source(left.column), right: sub });
      continue;
    }
    if (text(sql, op) !== "=") continue;
    const right = qualified(sql, tokens, left.next + 1);
    const after = right && tokens[right.next];
    if (!right || (after?.kind === "punct" && !BESIDE.has(text(sql, after)))) continue;
    found.push({ left: source(left.column), right: source(right.column) });
  }
  return found;
}
