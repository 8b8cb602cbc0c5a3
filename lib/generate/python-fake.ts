/**
 * The fake method's body, computed from its in-memory stores as FakePersonHogClient does: reads
 * answer from the dicts, writes change them so later reads see it. Only SQL the fake can mirror
 * (lib/sql/fake-sql.ts) gets one; otherwise a placeholder and a TODO that says why.
 */
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { personhogTable, type FakeStore } from "../catalogue/tables";
import type { Design, FieldDesign } from "../design/model";
import { PYTHON_KEYWORDS } from "../escape/keywords";
import { pyComment, pyKeywordArg } from "../escape/python";
import {
  fakeSql,
  type ColumnRef,
  type Condition,
  type FakeSql,
  type JoinPair,
  type Value,
} from "../sql/fake-sql";
import { meaningOf, sameMeaning } from "../sql/join-keys";
import { findTable } from "../sql/schema";
import { code, type Block, type Part } from "./code";
import { bracketed, comprehension, LINE_LENGTH, nextOf, pyTuple } from "./python-layout";

export interface FakeBody {
  readonly lines: Part;
  readonly notes: readonly (string | false)[];
}

type Answer = Pick<FieldDesign, "name" | "type" | "repeated">;
type Sql<Kind extends FakeSql["kind"]> = Extract<FakeSql, { kind: Kind }>;

class Unmapped extends Error {}
const unmapped = (why: string): never => {
  throw new Unmapped(why);
};

const IDENT = /^[a-z_][a-z0-9_]*$/;
const INTS = new Set(["int64", "int32"]);
const LITERALS: Readonly<Record<string, string>> = { true: "True", false: "False" };

/** The single field the fake's answer fills: a new response's only field or a shared one's. */
function answerField({ response }: Design): Answer {
  if (response.kind === "new")
    return response.fields.length === 1
      ? response.fields[0]!
      : unmapped("the response has more than one field to compute");
  const holds = SHARED_RESPONSES[response.name]?.holds ?? "";
  const m =
    /^(repeated |optional )?(\w+) (\w+) = \d+$/.exec(holds) ??
    unmapped(`${response.name} holds more than one field to compute`);
  return { name: m[3]!, type: m[2]!, repeated: m[1] === "repeated " };
}

/** A Python name for the answer: the field's own where it can be one. */
function variable(name: string): string {
  return IDENT.test(name) && !PYTHON_KEYWORDS.has(name) && name !== "request" && name !== "self"
    ? name
    : "result";
}

/** The method being written: its design and answer, the store it scans and what it reads there. */
class Method {
  private readonly used = new Set<string>();
  readonly answer: Answer;
  readonly row: string;
  readonly attr: string;
  constructor(
    readonly design: Design,
    readonly store: FakeStore,
    readonly response: string,
  ) {
    this.answer = answerField(design);
    this.row = store.row ?? "row";
    this.attr = `self.${store.attr}`;
  }
  /** `request.x` for the field bound to `$n`. */
  field(n: number, repeated: boolean): string {
    const f = this.design.request[n - 1] ?? unmapped(`no request field is bound to $${n}`);
    if (f.repeated !== repeated)
      throw new Unmapped(`${f.name} is ${f.repeated ? "" : "not "}repeated where $${n} is used`);
    if (!IDENT.test(f.name) || PYTHON_KEYWORDS.has(f.name))
      throw new Unmapped(`${f.name} is not a Python attribute name`);
    return `request.${f.name}`;
  }
  /** A value the SQL gives as Python: its request field or the literal. */
  value(value: Value): string {
    return "param" in value
      ? this.field(value.param, false)
      : (LITERALS[value.literal] ?? value.literal);
  }
  /** `[: request.limit]` for `LIMIT $n` (`[:1]` for `LIMIT 1`), nothing without a LIMIT. */
  limit(n: Value | undefined): string {
    if (!n) return "";
    return "param" in n ? `[: ${this.field(n.param, false)}]` : `[:${n.literal}]`;
  }
  /** The row itself, as the answer or the thing a write changes. */
  useRow(): string {
    this.used.add(this.row);
    return this.row;
  }
  isKey(column: string): boolean {
    return this.store.key.some((k) => k.column === column);
  }
  /** The Python expression for a row's column. */
  column(column: string): string {
    const key = this.store.key.find((k) => k.column === column);
    if (!key && !this.store.fields.includes(column))
      throw new Unmapped(`${this.store.attr} does not keep ${column}`);
    this.used.add(key?.as ?? this.row);
    return key?.as ?? `${this.row}.${column}`;
  }
  private test(c: Condition): string[] {
    if (c.op !== "literal") {
      const value = this.field(c.param, c.op === "any");
      return [`${this.column(c.column)} ${c.op === "any" ? "in" : "=="} ${value}`];
    }
    const always = this.store.always?.[c.column];
    // A condition every stored row meets is left out (the fake keeps no deleted rows).
    if (always === c.value) return [];
    if (always !== undefined)
      throw new Unmapped(`${this.store.attr} keeps only rows with ${c.column} = ${always}`);
    return [`${this.column(c.column)} == ${this.value({ literal: c.value })}`];
  }
  /** The `if` clause testing the conditions, none when every row meets them. */
  filter(where: readonly Condition[]): string[] {
    const tests = where.flatMap((c) => this.test(c));
    return tests.length > 0 ? [`if ${tests.join(" and ")}`] : [];
  }
  /** The `for` clauses over every row (call after the other expressions: they mark what is read). */
  source(): string[] {
    const { holds } = this.store;
    const key = pyTuple(this.store.key.map((k) => (this.used.has(k.as) ? k.as : "_")));
    if (holds === "flag" || (holds === "message" && !this.used.has(this.row)))
      return [`for ${key} in ${this.attr}`];
    if (holds === "message") return [`for ${key}, ${this.row} in ${this.attr}.items()`];
    return [`for ${key}, ${this.row}s in ${this.attr}.items()`, `for ${this.row} in ${this.row}s`];
  }
  /** What a write answers, by the answer's type: a count, a flag or (an INSERT's) the new row. */
  answering(count: string, flag: string, row?: string): string {
    const { answer, store } = this;
    if (row !== undefined && answer.type === store.message && !answer.repeated) return row;
    if (!answer.repeated && INTS.has(answer.type)) return count;
    if (!answer.repeated && answer.type === "bool") return flag;
    throw new Unmapped(
      `${answer.name} is not ${row === undefined ? "" : "the new row, "}a count or a bool`,
    );
  }
  returning(value: string): string {
    return `return ${this.response}(${pyKeywordArg(this.answer.name, value)})`;
  }
}

function read(method: Method, sql: Sql<"select">): Part {
  const { store, answer, row, attr } = method;
  // The key `self.store.get(key)` takes from the request, when the conditions fix all of it.
  const parts = store.key.map((k) => {
    const c = sql.where.find((w) => w.column === k.column && w.op === "eq");
    return c && c.op === "eq" ? method.field(c.param, false) : undefined;
  });
  const key = parts.every((p) => p !== undefined) ? pyTuple(parts) : undefined;
  const rest = sql.where.filter((c) => !(key && method.isKey(c.column) && c.op === "eq"));
  const name = variable(answer.name);
  const limited = method.limit(sql.limit);
  const count = sql.items === "count";
  const whole = answer.type === store.message;
  if (count && (answer.repeated || !INTS.has(answer.type)))
    throw new Unmapped(`COUNT(*) does not fit ${answer.name}`);
  const selected = answer.repeated && sql.items.length === 1 && !/^[A-Z]/.test(answer.type);
  if (!count && !whole && !selected)
    throw new Unmapped(
      `${answer.name} is not a count, ${store.attr}'s ${store.message ?? "rows"} or one selected column`,
    );
  const filter = method.filter(rest);
  const item = count ? "1" : whole ? method.useRow() : method.column(sql.items[0]!);
  // A store of lists whose key the request gives is read at that key, not scanned.
  const rows = `${attr}.get(${key}, [])`;
  const listed = key !== undefined && store.holds === "messages";
  const clauses = [item, ...(listed ? [`for ${row} in ${rows}`] : method.source()), ...filter];
  const unfiltered = filter.length === 0;
  const value = count
    ? listed && unfiltered
      ? `${name} = len(${rows})`
      : comprehension(`${name} = sum`, "()", clauses)
    : !answer.repeated
      ? key && store.holds === "message" && unfiltered
        ? `${name} = ${attr}.get(${key})`
        : nextOf(name, clauses)
      : listed && unfiltered && !limited
        ? `${name} = ${rows}`
        : comprehension(`${name} = `, "[]", clauses, limited);
  return [value, method.returning(name)];
}

/** A column of a removed row as Python reads it where the row is dropped, if the row gives it. */
type Given = (column: string) => string | undefined;

/**
 * Lines that drop a removed row from a mirror, keyed by what the row gives: the same message in a
 * list is taken out (group type mappings by team), a list matched by its fields is filtered (a
 * person's cohort memberships), and a list the row owns is popped, its entries dropped from the
 * mirror's own mirrors in turn (a person's distinct ids, and the persons by distinct id).
 */
function dropFromMirror(given: Given, mirror: FakeStore, removed: FakeStore, row: string): Part {
  const need = (column: string) =>
    given(column) ??
    unmapped(
      `${mirror.attr} also holds these rows, keyed by ${column}, which the rows do not give`,
    );
  const key = pyTuple(mirror.key.map((k) => need(k.column)));
  const attr = `self.${mirror.attr}`;
  const entry = mirror.row ?? "row";
  if (mirror.holds !== "messages") return `${attr}.pop(${key}, None)`;
  if (mirror.message === removed.message)
    return code`
      if ${row} in ${attr}.get(${key}, []):
          ${attr}[${key}].remove(${row})
    `;
  if (mirror.fields.every((f) => given(f) !== undefined)) {
    const keeps = mirror.fields.map((f) => `${entry}.${f} != ${need(f)}`).join(" or ");
    return code`
      if ${key} in ${attr}:
          ${comprehension(`${attr}[${key}] = `, "[]", [entry, `for ${entry} in ${attr}[${key}]`, `if ${keeps}`])}
    `;
  }
  if (mirror.mirrors.length === 0) return `${attr}.pop(${key}, None)`;
  const owned: Given = (column) =>
    mirror.key.some((k) => k.column === column)
      ? given(column)
      : mirror.fields.includes(column)
        ? `${entry}.${column}`
        : undefined;
  return code`
    for ${entry} in ${attr}.pop(${key}, []):
        ${mirror.mirrors.map((m) => dropFromMirror(owned, m, mirror, entry))}
  `;
}

/**
 * A delete: the rows removed from the store (a list's row taken out of its list) and from every
 * mirror. A mirror keyed by a field of a stored message reads it from the row the store gives up.
 */
function remove(method: Method, sql: Sql<"delete">): Part {
  const { store, attr } = method;
  const filter = method.filter(sql.where);
  const limited = method.limit(sql.limit);
  const listed = store.holds === "messages";
  const row = listed ? method.useRow() : method.row;
  const key = pyTuple(store.key.map((k) => method.column(k.column)));
  let rowRead = false;
  // A key part by its column, or by the name the fake gives it (the person's id is person_id).
  const given: Given = (column) => {
    const part = store.key.find((k) => k.column === column || k.as === column)?.as;
    if (part !== undefined || store.holds === "flag" || !store.fields.includes(column)) return part;
    rowRead = true;
    return `${row}.${column}`;
  };
  const drops = store.mirrors.map((m) => dropFromMirror(given, m, store, row));
  const taken = listed
    ? `${attr}[${key}].remove(${row})`
    : rowRead
      ? `${row} = ${attr}.pop(${key})`
      : `del ${attr}[${key}]`;
  const item = listed ? `(${key}, ${row})` : key;
  return code`
    ${comprehension("removed = ", "[]", [item, ...method.source(), ...filter], limited)}
    for ${listed ? `${key}, ${row}` : key.replace(/^\((.*)\)$/, "$1")} in removed:
        ${taken}
        ${drops}
    ${method.returning(method.answering("len(removed)", "bool(removed)"))}
  `;
}

function update(method: Method, sql: Sql<"update">): Part {
  const { store } = method;
  if (store.holds === "flag")
    throw new Unmapped(`${store.attr} does not keep messages to update in place`);
  const filter = method.filter(sql.where);
  const row = method.useRow();
  // A mirror shares the stored messages, so a change in place is seen there, unless it moves a
  // row to another key.
  const keys = [store, ...store.mirrors].flatMap((s) => s.key.map((k) => k.column));
  const sets = sql.set.map((s) => {
    if (keys.includes(s.column) || !store.fields.includes(s.column))
      throw new Unmapped(`${store.attr} cannot change ${s.column} in place`);
    const value = method.field(s.param, false);
    const target = `${row}.${s.column}`;
    return `${target} = ${s.greatest ? `max(${target}, ${value})` : value}`;
  });
  return code`
    ${comprehension("updated = ", "[]", [row, ...method.source(), ...filter])}
    for ${row} in updated:
        ${sets}
    ${method.returning(method.answering("len(updated)", "bool(updated)"))}
  `;
}

/** The key of the inserted row in `store`, from the inserted columns. */
function keyOf(store: FakeStore, values: ReadonlyMap<string, string>): string {
  const given = (column: string) =>
    values.get(column) ??
    unmapped(`${store.attr} is keyed by ${column}, which the INSERT does not give`);
  return pyTuple(store.key.map((k) => given(k.column)));
}

/** `module.Message(field=value, …)` from the inserted columns the store's message carries. */
function message(store: FakeStore, values: ReadonlyMap<string, string>, extra: string[]): Block {
  const name = store.message!;
  const domain = KNOWN_MESSAGES[name] ?? unmapped(`no module is known for ${name}`);
  const args = store.fields.flatMap((f) => (values.has(f) ? [`${f}=${values.get(f)}`] : []));
  const constants = Object.entries(store.constants ?? {}).map(([f, v]) => `${f}=${v}`);
  return bracketed(`${domain}_pb2.${name}`, [...extra, ...args, ...constants], "");
}

/** Lines that add the new row to a mirror, keyed and built from the inserted columns. */
function addToMirror(mirror: FakeStore, values: ReadonlyMap<string, string>, row: string): Part {
  const call = `self.${mirror.attr}`;
  const key = keyOf(mirror, values);
  if (mirror.holds !== "messages")
    return `${call}[${key}] = ${mirror.holds === "flag" ? "True" : row}`;
  const append = `${call}.setdefault(${key}, []).append`;
  const added = message(mirror, values, []);
  return (column) => {
    const flat = `${append}(${added(column + append.length + 1)})`;
    if (!flat.includes("\n") && column + flat.length <= LINE_LENGTH) return flat;
    // A call wrapping the message breaks first, as ruff breaks the outermost brackets.
    return code`
      ${append}(
          ${added}
      )
    `(column);
  };
}

function insert(method: Method, sql: Sql<"insert">): Part {
  const { store, attr } = method;
  if (store.holds === "messages")
    throw new Unmapped(`${store.attr} keeps rows in lists: add them by hand`);
  const values = new Map(sql.values.map(({ column, value }) => [column, method.value(value)]));
  const key = keyOf(store, values);
  const row = store.holds === "message" ? method.useRow() : "True";
  // A new row gets the next id, as the real fake's create_group does, when the INSERT gives none.
  const nextId =
    store.fields.includes("id") && !values.has("id")
      ? [`id=max((${row}.id for ${row} in ${attr}.values()), default=0) + 1`]
      : [];
  const built = store.holds === "message" && message(store, values, nextId);
  const change = [
    built && ((column: number) => `${row} = ${built(column + row.length + 3)}`),
    `${attr}[key] = ${row}`,
    store.mirrors.map((m) => addToMirror(m, values, row)),
  ];
  // ON CONFLICT DO NOTHING: the row is added, and answered, only where the key is new.
  const answered = sql.skipExisting
    ? method.answering("int(inserted)", "inserted", `${attr}[key] if inserted else None`)
    : method.answering("1", "True", row);
  const guarded = code`
    inserted = key not in ${attr}
    if inserted:
        ${change}
  `;
  return code`
    key = ${key}
    ${sql.skipExisting ? guarded : change}
    ${method.returning(answered)}
  `;
}

const ZEROS: Readonly<Record<string, string>> = {
  int64: "0",
  int32: "0",
  double: "0.0",
  bool: "False",
  string: '""',
  bytes: 'b""',
};

/** A table's stores as the TODO names them: `self._groups (keyed (team_id, …))`. */
function storesOf(table: string): string | undefined {
  const stores = personhogTable(table)?.fakeStores;
  if (!stores) return undefined;
  return stores
    .map((s) => `self.${s.attr} (keyed ${pyTuple(s.key.map((k) => k.as))})`)
    .join(" and ");
}

/** The honest TODO when the body cannot be computed: where the data is and why it is not used. */
function fakeTodo(design: Design, why: string): Part[] {
  const stores = design.tables.flatMap((t) => storesOf(t) ?? []);
  const missing = design.tables.filter((t) => storesOf(t) === undefined);
  const from = stores.length > 0 ? stores.join(", ") : "the fake's in-memory data";
  const todo =
    design.operation === "read"
      ? `TODO: compute the answer from ${from}`
      : `TODO: apply the change to ${from} so later reads see it`;
  const untracked = `TODO: the fake keeps no ${missing.join(", ")} rows yet: add a dict and a builder.`;
  return [
    (stores.length > 0 || missing.length === 0) && pyComment(`${todo} (not generated: ${why}).`),
    missing.length > 0 && pyComment(untracked),
  ];
}

/** The table a join key's column belongs to, if known. */
type TableOf = (r: ColumnRef) => string | undefined;

/**
 * Whether a join is written on exactly the key `store` follows: each of its columns paired once
 * with the column of the other table that means the same (the one it references), nothing else.
 */
function followsKey(store: FakeStore, on: readonly JoinPair[], tableOf: TableOf) {
  const key = store.joins;
  if (!key) return false;
  const columns = on.map((pair) => {
    const [own, other] =
      tableOf(pair.left) === key.table ? [pair.left, pair.right] : [pair.right, pair.left];
    const otherTable = tableOf(other);
    if (tableOf(own) !== key.table || !otherTable || otherTable === key.table) return undefined;
    const [a, b] = [meaningOf(key.table, own.column), meaningOf(otherTable, other.column)];
    return a && b && sameMeaning(a, b) ? own.column : undefined;
  });
  return columns.length === key.columns.length && key.columns.every((c) => columns.includes(c));
}

/** The dict a join reads: one that answers it (`candidates`) and holds its rows as `on` relates them. */
function joinStore(
  candidates: readonly FakeStore[],
  on: readonly JoinPair[],
  tableOf: TableOf,
): FakeStore {
  if (candidates.length === 0)
    unmapped("no dict of the fake is keyed by what the join's conditions fix");
  const found = candidates.find((s) => followsKey(s, on, tableOf));
  if (found) return found;
  const key = candidates.find((s) => s.joins);
  return unmapped(
    key?.joins
      ? `self.${key.attr} holds rows joined on ${key.joins.table}'s ${key.joins.columns.join(" and ")}, each equal to the column it references, and the join is not on exactly those`
      : "no dict of the fake holds the joined rows",
  );
}

/** A table's dicts and the mirrors that hold its rows too. */
const everyStore = (stores: readonly FakeStore[]): FakeStore[] =>
  stores.flatMap((s) => [s, ...everyStore(s.mirrors)]);

/** The fake's body after the recorded call: computed from the stores, else a placeholder. */
export function fakeBody(design: Design, response: string): FakeBody {
  try {
    const sql = fakeSql(design.sql);
    if ("unsupported" in sql) throw new Unmapped(sql.unsupported);
    const tables = [sql.table, ...(sql.kind === "select" ? sql.joined : [])];
    if (design.tables.length !== tables.length || !tables.every((t) => design.tables.includes(t)))
      throw new Unmapped(`the design's tables are not just the SQL's ${tables.join(", ")}`);
    const stores = tables.map(
      (t) => personhogTable(t)?.fakeStores ?? unmapped(`the fake keeps no ${t} rows`),
    );
    if ((design.operation === "write") !== (sql.kind !== "select"))
      throw new Unmapped(`a ${design.operation} with a ${sql.kind.toUpperCase()} statement`);
    // A column written without its table belongs to the joined table that has it, if just one.
    const having = (column: string) =>
      tables.filter((t) => findTable(t)?.columns.some((c) => c.name === column));
    const tableOf: TableOf = (r) =>
      r.table ?? (having(r.column).length === 1 ? having(r.column)[0] : undefined);
    const on = sql.kind === "select" ? sql.on : [];
    // Writes change the first store, which holds every row; a read uses one whose whole key its
    // conditions fix, if there is one (else it scans the first). A join reads only such a store,
    // among every dict of its tables, that holds the answer's rows and the join's rows as the SQL
    // relates them (as _persons_by_distinct_id answers a person by distinct id).
    const fixes = (s: FakeStore) =>
      sql.kind === "select" &&
      s.key.every((k) => sql.where.some((c) => c.column === k.column && c.op === "eq"));
    const answers = (s: FakeStore) => fixes(s) && s.message === answerField(design).type;
    const store =
      tables.length > 1
        ? joinStore(stores.flatMap(everyStore).filter(answers), on, tableOf)
        : (stores[0]!.find(fixes) ?? stores[0]![0]!);
    // Conditions name columns without their table: one that several joined tables have is
    // ambiguous, unless a join key equates them or every row the dict keeps meets it.
    const equated = (column: string) =>
      on.some((p) => p.left.column === column && p.right.column === column);
    const ambiguous = (sql.kind === "select" ? sql.where : []).find(
      (c) =>
        having(c.column).length > 1 &&
        !equated(c.column) &&
        !(c.op === "literal" && store.always?.[c.column] === c.value),
    );
    if (ambiguous) unmapped(`${ambiguous.column} is a column of more than one joined table`);
    const method = new Method(design, store, response);
    const lines =
      sql.kind === "select"
        ? read(method, sql)
        : sql.kind === "delete"
          ? remove(method, sql)
          : sql.kind === "insert"
            ? insert(method, sql)
            : update(method, sql);
    // A delete also reaches the mirrors' mirrors (the persons by distinct id of a person's ids).
    const mirrors =
      sql.kind === "delete"
        ? everyStore(store.mirrors)
        : sql.kind === "insert"
          ? store.mirrors
          : [];
    // Conditions left out because every row the store keeps meets them (`is_deleted = false`).
    const assumed = [
      ...new Set(
        ("where" in sql ? sql.where : [])
          .filter((c) => c.op === "literal" && store.always?.[c.column] === c.value)
          .map((c) => `${c.column} = ${store.always![c.column]}`),
      ),
    ];
    // Written columns the fake does not keep.
    const written = new Set(sql.kind === "insert" ? sql.values.map((v) => v.column) : []);
    const unkept = [...written].filter((c) => !method.isKey(c) && !store.fields.includes(c));
    return {
      lines,
      notes: [
        `Computed from self.${store.attr} as the real fake does: fill it with the fake's builder methods in a test, and what a write changes is what later reads see.`,
        assumed.length > 0 &&
          `The fake keeps no deleted rows, so ${assumed.join(" and ")} holds for every row it has: the condition is left out.`,
        mirrors.length > 0 &&
          `Rows it adds or removes are kept in step in the other dicts that hold them or hang off them: ${mirrors.map((m) => `self.${m.attr}`).join(", ")}.`,
        unkept.length > 0 &&
          `The fake does not keep ${unkept.join(", ")}: the value written there is dropped.`,
      ],
    };
  } catch (e) {
    if (!(e instanceof Unmapped)) throw e;
    const { response: designed } = design;
    // Optional fields and messages stay unset: they read as their defaults.
    const zeros = (designed.kind === "new" ? designed.fields : []).flatMap((f) => {
      const zero = f.repeated ? "[]" : f.optional ? undefined : ZEROS[f.type];
      return zero === undefined ? [] : [pyKeywordArg(f.name, zero)];
    });
    return {
      lines: [fakeTodo(design, e.message), bracketed(`return ${response}`, zeros, "")],
      notes: [
        designed.kind === "new"
          ? "The zeros are placeholders: compute each field from the fake's data before relying on it in tests."
          : `${designed.name} is shared: the placeholder returns it empty until the TODO is done.`,
      ],
    };
  }
}
