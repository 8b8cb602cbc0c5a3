/**
 * Join keys as the statement writes them (`c.person_id = d.id`, or a column compared with the one
 * column a subquery returns: `p.id = (SELECT d.id FROM …)`, either way round). The plan drops a
 * join key whose columns are both fixed to one value (`… AND d.id = $1` makes it two filters) and
 * runs a scalar subquery apart (an InitPlan), and a WITH query it materializes hides the table
 * behind it, so the join check reads the text too. Each column carries the table its alias names
 * where it is written: a subquery may reuse an outer alias, which the plan renames (`x_1`) and the
 * text does not. Works on tokens (levels.ts): strings and comments never match; one pass, each
 * position looked at a bounded number of times.
 */
import { declaredTables, isPunct, lex, nameAt, tableRefAt, text, type Lexed } from "./levels";

export interface WrittenColumn {
  readonly alias: string;
  readonly column: string;
  /** The table the alias names where it is written; null for none or not one (a WITH query). */
  readonly table: string | null;
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

/** Aggregates that return one of the column's own values. */
const VALUE_AGGREGATES = new Set(["min", "max"]);

type Declared = ReturnType<typeof declaredTables>;

/** May an operand end (or start) beside token k: nothing there, a word, or a bracket or comma. */
const free = (lx: Lexed, k: number) => lx.tokens[k]?.kind !== "punct" || BESIDE.has(text(lx, k));

/** `alias.column` starting at token k, with any `::type` after it: its name, span and next token. */
function qualified(lx: Lexed, k: number) {
  const alias = nameAt(lx, k);
  const at = lx.tokens[k + 2];
  const column = nameAt(lx, k + 2);
  if (!alias || !at || !column || !isPunct(lx, k + 1, ".")) return null;
  let next = k + 3;
  while (isPunct(lx, next, "::") && lx.tokens[next + 1]?.kind === "word") next += 2;
  return { alias, column, start: at.start, end: at.end, next };
}

/** `FROM table [[AS] alias]` at token k: the name the plan gives the table (its alias, else its name). */
function fromName(lx: Lexed, k: number): string | null {
  const ref = lx.words[k] === "from" ? tableRefAt(lx, k + 1) : null;
  return ref && nameAt(lx, ref.alias ?? ref.at);
}

/**
 * The one column `(SELECT [MIN|MAX (] [alias.]column [)] FROM table [[AS] alias] …` returns,
 * starting at the `(` at token k; `outer` names the tables of the level around it.
 */
function subqueryColumn(
  lx: Lexed,
  declared: Declared,
  k: number,
  outer: (alias: string) => string | null,
): WrittenColumn | null {
  if (!isPunct(lx, k, "(") || lx.words[k + 1] !== "select") return null;
  const call = VALUE_AGGREGATES.has(lx.words[k + 2] ?? "") && isPunct(lx, k + 3, "(") ? 2 : 0;
  const first = k + 2 + call;
  const dotted = isPunct(lx, first + 1, ".");
  const at = dotted ? first + 2 : first;
  const column = nameAt(lx, at);
  if (call && !isPunct(lx, at + 1, ")")) return null;
  const from = fromName(lx, at + 1 + (call ? 1 : 0));
  const token = lx.tokens[at];
  const alias = dotted ? nameAt(lx, first) : from;
  if (!token || !column || !from || !alias) return null;
  const own = declared.get(k)?.get(alias);
  return {
    alias,
    column,
    table: own === undefined ? outer(alias) : own,
    start: token.start,
    end: token.end,
  };
}

type Source = Pick<WrittenColumn, "alias" | "column" | "table">;

/** One item of a select list, tokens first to last: `[q.]column [[AS] name]` → its name and source. */
function plainItem(lx: Lexed, first: number, last: number) {
  const dotted = isPunct(lx, first + 1, ".");
  const columnAt = dotted ? first + 2 : first;
  const column = nameAt(lx, columnAt);
  const asAt = lx.words[columnAt + 1] === "as" ? columnAt + 2 : columnAt + 1;
  if (!column || (asAt !== last + 1 && asAt !== last)) return null;
  const out = asAt === last ? nameAt(lx, last) : column;
  return out ? { out, column, qualifier: dotted ? nameAt(lx, first) : null } : null;
}

/**
 * What the columns of each WITH query are, when one names a plain column of the table it reads:
 * `WITH d AS (SELECT id, person_id FROM posthog_persondistinctid …)` makes `d.id` the
 * distinct-id table's `id`. Nested brackets are jumped over, so each token is read once per WITH.
 */
function withColumns(lx: Lexed, declared: Declared): Map<string, Map<string, Source>> {
  const ctes = new Map<string, Map<string, Source>>();
  const readBody = (start: number) => {
    const items: { out: string; column: string; qualifier: string | null }[] = [];
    let first = start;
    for (let i = start; i < lx.tokens.length; i++) {
      const word = lx.words[i];
      if (isPunct(lx, i, "(")) i = lx.partner.get(i) ?? lx.tokens.length;
      else if (isPunct(lx, i, ",") || word === "from") {
        const item = plainItem(lx, first, i - 1);
        if (item) items.push(item);
        first = i + 1;
        if (word === "from") return { items, table: fromName(lx, i) };
      } else if (isPunct(lx, i, ")")) break;
    }
    return null;
  };
  for (let k = 0; k < lx.tokens.length; k++) {
    if (lx.words[k] !== "with") continue;
    let i = lx.words[k + 1] === "recursive" ? k + 2 : k + 1;
    for (;;) {
      const cte = nameAt(lx, i);
      if (!cte || lx.words[i + 1] !== "as") break;
      i += 2;
      if (lx.words[i] === "not") i++;
      if (lx.words[i] === "materialized") i++;
      const end = lx.partner.get(i);
      if (end === undefined || !isPunct(lx, i, "(")) break;
      const body = lx.words[i + 1] === "select" ? readBody(i + 2) : null;
      const names = declared.get(i);
      if (body?.table) {
        const table = body.table;
        const columns = body.items.map((c) => {
          const alias = c.qualifier ?? table;
          return [c.out, { alias, column: c.column, table: names?.get(alias) ?? null }] as const;
        });
        ctes.set(cte, new Map(columns));
      }
      if (!isPunct(lx, end + 1, ",")) break;
      i = end + 2;
    }
  }
  return ctes;
}

/**
 * The table a name means at token k, asked for tokens in increasing order: each query level's
 * names shadow the outer ones while it is open. Each declaration is pushed and popped once.
 */
function scopes(lx: Lexed, declared: Declared) {
  const stacks = new Map<string, (string | null)[]>();
  const each = (level: number, f: (stack: (string | null)[], table: string | null) => void) => {
    for (const [name, table] of declared.get(level) ?? []) {
      const stack = stacks.get(name) ?? [];
      stacks.set(name, stack);
      f(stack, table);
    }
  };
  const open: number[] = [];
  each(-1, (stack, table) => stack.push(table));
  let walked = 0;
  return (k: number, name: string): string | null => {
    for (; walked < k; walked++) {
      const inner = open.at(-1);
      if (inner !== undefined && lx.partner.get(inner) === walked) {
        each(inner, (stack) => stack.pop());
        open.pop();
      }
      if (declared.has(walked)) {
        each(walked, (stack, table) => stack.push(table));
        open.push(walked);
      }
    }
    return stacks.get(name)?.at(-1) ?? null;
  };
}

/** Every `a.x = b.y` whose two sides are whole columns (not part of arithmetic around them). */
export function writtenEqualities(sql: string): WrittenEquality[] {
  const lx = lex(sql);
  const found: WrittenEquality[] = [];
  const declared = declaredTables(lx);
  const ctes = withColumns(lx, declared);
  const tableAt = scopes(lx, declared);
  // A WITH query's column is the table column it names, read through the WITH query's name.
  const column = (k: number, c: NonNullable<ReturnType<typeof qualified>>): WrittenColumn => {
    const from = ctes.get(c.alias)?.get(c.column);
    const { alias, start, end } = c;
    if (from) return { ...from, start, end, via: { alias, column: c.column } };
    return { alias, column: c.column, table: tableAt(k, alias), start, end };
  };
  for (let k = 0; k < lx.tokens.length; k++) {
    // `(SELECT …) = a.x`: the subquery written first, `a` named outside it (past its `)`).
    const opened = isPunct(lx, k, ")") ? (lx.partner.get(k) ?? -1) : -1;
    const mirrored = opened >= 0 && free(lx, opened - 1) && isPunct(lx, k + 1, "=");
    const first = mirrored && subqueryColumn(lx, declared, opened, (a) => tableAt(k + 1, a));
    const then = first && qualified(lx, k + 2);
    if (first && then && free(lx, then.next)) {
      found.push({ left: first, right: column(k + 1, then) });
    }
    if (!free(lx, k - 1)) continue;
    const left = qualified(lx, k);
    if (!left) continue;
    // `= (SELECT …)`, `= ANY (SELECT …)`, `IN (SELECT …)`: the subquery's one column.
    const op = left.next;
    const list = lx.words[op] === "in" ? 1 : lx.words[op + 1] === "any" ? 2 : 0;
    const sub = subqueryColumn(lx, declared, op + (list || 1), (a) => tableAt(k, a));
    if (sub && (lx.words[op] === "in" || isPunct(lx, op, "="))) {
      found.push({ left: column(k, left), right: sub });
      continue;
    }
    if (!isPunct(lx, op, "=")) continue;
    const right = qualified(lx, op + 1);
    if (!right || !free(lx, right.next)) continue;
    found.push({ left: column(k, left), right: column(k, right) });
  }
  return found;
}
