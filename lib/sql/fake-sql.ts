/**
 * The shapes of SQL a state-backed fake can mirror: one table, conditions that are equalities
 * joined by AND. Read from the tokens (linear in the text, whatever it holds); anything else is
 * `undefined` with the reason, so the fake keeps an honest TODO.
 */
import { placeholderNumber } from "./params";
import { tokenize, type Token } from "./tokens";

export type Condition =
  | { readonly column: string; readonly op: "eq" | "any"; readonly param: number }
  | { readonly column: string; readonly op: "literal"; readonly value: string };

export type Value = { readonly param: number } | { readonly literal: string };

/** A column of a join key: its table when written qualified (the alias resolved), else unknown. */
export interface ColumnRef {
  readonly table?: string;
  readonly column: string;
}

/** One `a.x = b.y` of a join's ON. */
export interface JoinPair {
  readonly left: ColumnRef;
  readonly right: ColumnRef;
}

/** `column = $n` or `column = GREATEST(column, $n)`. */
export interface Assignment {
  readonly column: string;
  readonly param: number;
  readonly greatest: boolean;
}

export type FakeSql =
  | {
      readonly kind: "select";
      readonly table: string;
      /** Tables INNER JOINed on equal columns; conditions name columns of any of them. */
      readonly joined: readonly string[];
      /** The join keys as written: the rows they relate decide which dict holds the answer. */
      readonly on: readonly JoinPair[];
      /** "count" for COUNT(*), else the plain columns selected (empty when not all are plain). */
      readonly items: "count" | readonly string[];
      readonly where: readonly Condition[];
      readonly limit?: Value;
    }
  | {
      readonly kind: "delete";
      readonly table: string;
      readonly where: readonly Condition[];
      readonly limit?: Value;
    }
  | {
      readonly kind: "insert";
      readonly table: string;
      /** Each inserted column with its `$n` or literal. */
      readonly values: readonly { readonly column: string; readonly value: Value }[];
      /** ON CONFLICT … DO NOTHING: an existing row is left as it is. */
      readonly skipExisting: boolean;
    }
  | {
      readonly kind: "update";
      readonly table: string;
      readonly set: readonly Assignment[];
      readonly where: readonly Condition[];
    };

class Unsupported extends Error {}

/** A cursor over the tokens; every method consumes or fails, so the parse is one pass. */
class Cursor {
  private i = 0;
  constructor(
    readonly sql: string,
    private readonly tokens: readonly Token[],
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  is(lower: string, offset = 0): boolean {
    return this.peek(offset)?.lower === lower;
  }
  accept(lower: string): boolean {
    if (!this.is(lower)) return false;
    this.i++;
    return true;
  }
  expect(lower: string): void {
    if (!this.accept(lower)) throw new Unsupported(`expected ${lower.toUpperCase()}`);
  }
  /** A column, possibly qualified (`g.team_id`): its last part. */
  column(): string {
    return this.qualified().column;
  }
  /** A column and the part before it (`g` of `g.team_id`), if any. */
  qualified(): { readonly qualifier?: string; readonly column: string } {
    let qualifier: string | undefined;
    let column = this.name();
    while (this.is(".") && this.peek(1)?.kind === "word") {
      this.i++;
      qualifier = column;
      column = this.name();
    }
    return { qualifier, column };
  }
  private name(): string {
    const t = this.next();
    if (t.kind !== "word") throw new Unsupported(`expected a column, not ${this.text(t)}`);
    // PostgreSQL truncates names at 63 bytes; a longer one is no column of ours.
    if (t.lower.length > 63) throw new Unsupported("a name is longer than PostgreSQL allows");
    return t.lower;
  }
  next(): Token {
    const t = this.peek();
    if (!t) throw new Unsupported("the statement ends early");
    this.i++;
    return t;
  }
  param(): number {
    const t = this.next();
    if (t.kind !== "param") throw new Unsupported("a value is not a $n placeholder");
    return placeholderNumber(t);
  }
  /** A token as a reason quotes it: design text, so cut short. */
  text(t: Token): string {
    const text = this.sql.slice(t.start, t.end);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }
  done(): boolean {
    while (this.accept(";"));
    return this.peek() === undefined;
  }
}

/**
 * FROM/UPDATE/INTO target: a table name with an optional alias. `aliases` notes what a qualifier
 * calls it (its alias, else its name); a name given twice makes qualifiers ambiguous.
 */
function table(c: Cursor, aliases?: Map<string, string>): string {
  const name = c.column();
  const alias =
    c.accept("as") || (c.peek()?.kind === "word" && !KEYWORDS.has(c.peek()!.lower))
      ? c.next().lower
      : name;
  if (aliases?.has(alias)) throw new Unsupported(`${alias} names two tables`);
  aliases?.set(alias, name);
  return name;
}
const KEYWORDS = new Set([
  ...["where", "limit", "set", "for", "order", "group", "returning", "on"],
  ...["join", "inner", "left", "right", "full", "cross", "natural"],
]);

/** A literal the fake can copy: true, false or a small integer. */
function literal(sql: string, t: Token): string | undefined {
  const text = sql.slice(t.start, t.end).toLowerCase();
  return text === "true" || text === "false" || /^\d{1,18}$/.test(text) ? text : undefined;
}

function condition(c: Cursor): Condition {
  if (c.peek()?.kind === "param") {
    const param = c.param();
    c.expect("=");
    return { column: c.column(), op: "eq", param };
  }
  return compared(c, c.column());
}

/** What `column` is compared with: `= $n`, `= ANY($n)` or `= literal`. */
function compared(c: Cursor, column: string): Condition {
  c.expect("=");
  if (c.accept("any")) {
    c.expect("(");
    const param = c.param();
    c.expect(")");
    return { column, op: "any", param };
  }
  const t = c.next();
  if (t.kind === "param") return { column, op: "eq", param: placeholderNumber(t) };
  const value = literal(c.sql, t);
  if (value !== undefined) return { column, op: "literal", value };
  throw new Unsupported(`${column} is compared with ${c.text(t)}`);
}

function where(c: Cursor): Condition[] {
  if (!c.accept("where")) return [];
  const out = [condition(c)];
  while (c.accept("and")) out.push(condition(c));
  if (c.is("or")) throw new Unsupported("the conditions use OR");
  return out;
}

/** `LIMIT $n`, or a literal count (`LIMIT 1`). */
function limit(c: Cursor): Value | undefined {
  if (!c.accept("limit")) return undefined;
  if (c.peek()?.kind === "param") return { param: c.param() };
  const t = c.next();
  const value = literal(c.sql, t);
  if (value === undefined || !/^\d/.test(value)) throw new Unsupported(`LIMIT ${c.text(t)}`);
  return { literal: value };
}

function selectItems(c: Cursor): "count" | string[] {
  if (c.is("count") && c.is("(", 1) && c.is("*", 2) && c.is(")", 3)) {
    for (let k = 0; k < 4; k++) c.next();
    if (c.accept("as")) c.next();
    return "count";
  }
  const columns: string[] = [];
  let plain = true;
  // Skip to FROM at depth 0; only a list of bare columns is remembered.
  let depth = 0;
  for (let t = c.peek(); t && !(depth === 0 && t.lower === "from"); t = c.peek()) {
    c.next();
    if (t.lower === "(") depth++;
    else if (t.lower === ")") depth--;
    else if (t.kind === "word" && depth === 0 && (c.is(",") || c.is("from"))) columns.push(t.lower);
    else if (t.kind === "word" && depth === 0 && c.is("."))
      continue; // a qualifier: `g.id`
    else if (t.lower !== "," && t.lower !== ".") plain = false;
  }
  return plain ? columns : [];
}

/** Words that follow `column =` as a value, not as another column. */
const VALUE_WORDS = new Set(["any", "true", "false"]);

/** `[INNER] JOIN t ON a.x = b.y AND …`: the joined tables; any other ON condition is a filter. */
function joins(c: Cursor, aliases: Map<string, string>, filters: Condition[], on: JoinPair[]) {
  const joined: string[] = [];
  // A qualifier names a table of the FROM so far by its alias (or its name).
  const ref = (): ColumnRef => {
    const { qualifier, column } = c.qualified();
    if (qualifier === undefined) return { column };
    const table = aliases.get(qualifier);
    if (table === undefined) throw new Unsupported(`${qualifier} names no table of the FROM`);
    return { table, column };
  };
  while (c.is("join") || (c.is("inner") && c.is("join", 1))) {
    c.accept("inner");
    c.expect("join");
    joined.push(table(c, aliases));
    c.expect("on");
    do {
      if (c.peek()?.kind === "param") {
        filters.push(condition(c));
        continue;
      }
      const left = ref();
      const other = c.peek(1);
      if (c.is("=") && other?.kind === "word" && !VALUE_WORDS.has(other.lower)) {
        c.next();
        on.push({ left, right: ref() });
      } else filters.push(compared(c, left.column));
    } while (c.accept("and"));
  }
  return joined;
}

function select(c: Cursor): FakeSql {
  const items = selectItems(c);
  c.expect("from");
  const aliases = new Map<string, string>();
  const name = table(c, aliases);
  const filters: Condition[] = [];
  const on: JoinPair[] = [];
  const joined = joins(c, aliases, filters, on);
  const conds = [...filters, ...where(c)];
  return { kind: "select", table: name, joined, on, items, where: conds, limit: limit(c) };
}

/** `DELETE FROM t WHERE …` or the batched `DELETE FROM t WHERE id IN (SELECT id FROM t WHERE … LIMIT $n …)`. */
function del(c: Cursor): FakeSql {
  c.expect("from");
  const name = table(c);
  if (c.is("where") && c.is("id", 1) && c.is("in", 2)) {
    for (let k = 0; k < 3; k++) c.next();
    c.expect("(");
    c.expect("select");
    c.expect("id");
    c.expect("from");
    if (table(c) !== name) throw new Unsupported("the batch selects from another table");
    const conds = where(c);
    const n = limit(c);
    if (c.accept("for")) {
      c.expect("update");
      if (c.accept("skip")) c.expect("locked");
    }
    c.expect(")");
    return { kind: "delete", table: name, where: conds, limit: n };
  }
  return { kind: "delete", table: name, where: where(c) };
}

function assignment(c: Cursor): Assignment {
  const column = c.column();
  c.expect("=");
  if (c.accept("greatest")) {
    c.expect("(");
    const paramFirst = c.peek()?.kind === "param";
    const param = paramFirst ? c.param() : undefined;
    const other = paramFirst ? (c.expect(","), c.column()) : c.column();
    if (other !== column) throw new Unsupported(`GREATEST over ${other} for ${column}`);
    const n = param ?? (c.expect(","), c.param());
    c.expect(")");
    return { column, param: n, greatest: true };
  }
  return { column, param: c.param(), greatest: false };
}

function update(c: Cursor): FakeSql {
  const name = table(c);
  c.expect("set");
  const set = [assignment(c)];
  while (c.accept(",")) set.push(assignment(c));
  return { kind: "update", table: name, set, where: where(c) };
}

function list<T>(c: Cursor, item: () => T): T[] {
  c.expect("(");
  const out = [item()];
  while (c.accept(",")) out.push(item());
  c.expect(")");
  return out;
}

/** `INSERT INTO t (cols) VALUES (…) [ON CONFLICT [(cols)] DO NOTHING] [RETURNING …]`. */
function insert(c: Cursor): FakeSql {
  c.expect("into");
  const name = table(c);
  const columns = list(c, () => c.column());
  c.expect("values");
  const values = list(c, (): Value => {
    const t = c.next();
    if (t.kind === "param") return { param: placeholderNumber(t) };
    const value = literal(c.sql, t);
    if (value === undefined) throw new Unsupported(`a value is ${c.text(t)}`);
    return { literal: value };
  });
  if (values.length !== columns.length)
    throw new Unsupported("the INSERT gives a different number of columns and values");
  let skipExisting = false;
  if (c.accept("on")) {
    c.expect("conflict");
    if (c.is("(")) list(c, () => c.column());
    c.expect("do");
    c.expect("nothing");
    skipExisting = true;
  }
  // RETURNING: the fake answers with the stored row, whatever the list names.
  if (c.accept("returning")) while (c.peek()) c.next();
  return {
    kind: "insert",
    table: name,
    values: columns.map((column, i) => ({ column, value: values[i]! })),
    skipExisting,
  };
}

/** The statement's shape, or why the fake cannot mirror it. */
export function fakeSql(sql: string): FakeSql | { readonly unsupported: string } {
  const { tokens, unclosed } = tokenize(sql);
  if (unclosed) return { unsupported: `the SQL has an unclosed ${unclosed.what}` };
  const c = new Cursor(sql, tokens);
  try {
    const head = c.next();
    const first = head.lower;
    const parsed =
      first === "select"
        ? select(c)
        : first === "delete"
          ? del(c)
          : first === "update"
            ? update(c)
            : first === "insert"
              ? insert(c)
              : undefined;
    if (!parsed)
      return {
        unsupported: `the fake mirrors SELECT, INSERT, UPDATE and DELETE, not ${first.toUpperCase()}`,
      };
    if (!c.done()) return { unsupported: "the SQL goes beyond one table and AND-ed equalities" };
    return parsed;
  } catch (e) {
    if (e instanceof Unsupported) return { unsupported: e.message };
    throw e;
  }
}
