/**
 * The body of the fake's method, computed from the fake's in-memory stores as FakePersonHogClient
 * does: reads answer from the dicts, writes change them so later reads see it. Only a design whose
 * SQL the fake can mirror gets one (lib/sql/fake-sql.ts: one table, AND-ed equalities on columns the
 * store keeps, each bound to a request field); otherwise the reason, for the TODO.
 */
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { personhogTable, type FakeStore } from "../catalogue/tables";
import type { Design } from "../design/model";
import type { Block, Part } from "./code";
import { code } from "./code";
import { PYTHON_KEYWORDS } from "../escape/keywords";
import { pyKeywordArg } from "../escape/python";
import { fakeSql, type Condition, type FakeSql } from "../sql/fake-sql";
import { bracketed, comprehension, LINE_LENGTH, nextOf, pyTuple } from "./python-layout";

export type FakeBody =
  | {
      readonly lines: Part;
      readonly store: string;
      readonly mirrors: readonly string[];
      /** Conditions left out because every row the store keeps meets them (`is_deleted = false`). */
      readonly assumed: readonly string[];
      /** Written columns the fake does not keep. */
      readonly unkept: readonly string[];
    }
  | { readonly unsupported: string };

interface Answer {
  readonly name: string;
  readonly type: string;
  readonly repeated: boolean;
}

class Unmapped extends Error {}

/** What every statement kind's body reads: the design, the scan over its store, the answer. */
interface Body {
  readonly design: Design;
  readonly scan: Scan;
  readonly answer: Answer;
  /** The response message's constructor. */
  readonly response: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** The single field the fake's answer fills: a new response's only field or a shared one's. */
function answerField(design: Design): Answer {
  if (design.response.kind === "new") {
    if (design.response.fields.length !== 1)
      throw new Unmapped("the response has more than one field to compute");
    return design.response.fields[0]!;
  }
  const holds = SHARED_RESPONSES[design.response.name]?.holds ?? "";
  const m = /^(repeated |optional )?(\w+) (\w+) = \d+$/.exec(holds);
  if (!m) throw new Unmapped(`${design.response.name} holds more than one field to compute`);
  return { name: m[3]!, type: m[2]!, repeated: m[1] === "repeated " };
}

/** A Python name for the answer: the field's own where it can be one. */
function variable(name: string): string {
  return IDENT.test(name) && !PYTHON_KEYWORDS.has(name) && name !== "request" && name !== "self"
    ? name
    : "result";
}

/** `request.x` for the field bound to `$n`. */
function requestField(design: Design, n: number, repeated: boolean): string {
  const f = design.request[n - 1];
  if (!f) throw new Unmapped(`no request field is bound to $${n}`);
  if (f.repeated !== repeated)
    throw new Unmapped(`${f.name} is ${f.repeated ? "" : "not "}repeated where $${n} is used`);
  if (!IDENT.test(f.name) || PYTHON_KEYWORDS.has(f.name))
    throw new Unmapped(`${f.name} is not a Python attribute name`);
  return `request.${f.name}`;
}

/** `[: request.limit]` for `LIMIT $n`, nothing without a LIMIT. */
const limitSlice = (design: Design, limit: number | undefined) =>
  limit ? `[: ${requestField(design, limit, false)}]` : "";

const LITERALS: Readonly<Record<string, string>> = { true: "True", false: "False" };

/** How a scan over one store names its rows and their columns. */
class Scan {
  private readonly used = new Set<string>();
  readonly assumed: string[] = [];
  readonly unkept: string[] = [];
  constructor(
    readonly store: FakeStore,
    private readonly design: Design,
  ) {}
  get row(): string {
    return this.store.row ?? "row";
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
    if (key) {
      this.used.add(key.as);
      return key.as;
    }
    if (!this.store.fields.includes(column))
      throw new Unmapped(`${this.store.attr} does not keep ${column}`);
    this.used.add(this.row);
    return `${this.row}.${column}`;
  }
  test(c: Condition): string | undefined {
    if (c.op === "literal") {
      const always = this.store.always?.[c.column];
      if (always === c.value) {
        this.assumed.push(`${c.column} = ${c.value}`);
        return undefined;
      }
      if (always !== undefined)
        throw new Unmapped(`${this.store.attr} keeps only rows with ${c.column} = ${always}`);
      const value = LITERALS[c.value] ?? c.value;
      return `${this.column(c.column)} == ${value}`;
    }
    const value = requestField(this.design, c.param, c.op === "any");
    return `${this.column(c.column)} ${c.op === "any" ? "in" : "=="} ${value}`;
  }
  tests(where: readonly Condition[]): string[] {
    return where.flatMap((c) => this.test(c) ?? []);
  }
  /** The key tuple, with `_` for parts nothing reads (call after the other expressions). */
  keyTarget(all = false): string {
    return pyTuple(this.store.key.map((k) => (all || this.used.has(k.as) ? k.as : "_")));
  }
  /** The `for` clauses over every row (call after the other expressions: they mark what is read). */
  source(all = false): string[] {
    const attr = `self.${this.store.attr}`;
    const key = this.keyTarget(all);
    const rowRead = this.used.has(this.row);
    if (this.store.holds === "flag" || (this.store.holds === "message" && !rowRead))
      return [`for ${key} in ${attr}`];
    if (this.store.holds === "message") return [`for ${key}, ${this.row} in ${attr}.items()`];
    return [`for ${key}, ${this.row}s in ${attr}.items()`, `for ${this.row} in ${this.row}s`];
  }
}

function filtered(tests: readonly string[]): string[] {
  return tests.length > 0 ? [`if ${tests.join(" and ")}`] : [];
}

/** The store a read uses: one whose whole key the conditions fix, else the first (a scan). */
function readStore(stores: readonly FakeStore[], where: readonly Condition[]): FakeStore {
  const fixed = (s: FakeStore) =>
    s.key.every((k) => where.some((c) => c.column === k.column && c.op === "eq"));
  return stores.find(fixed) ?? stores[0]!;
}

/** `self.store.get(key, …)` with the key's request fields, when the conditions fix it. */
function lookup(scan: Scan, where: readonly Condition[], design: Design): string | undefined {
  const parts = scan.store.key.map((k) => {
    const c = where.find((w) => w.column === k.column && w.op === "eq");
    return c && c.op === "eq" ? requestField(design, c.param, false) : undefined;
  });
  return parts.every((p) => p !== undefined) ? pyTuple(parts) : undefined;
}

const INTS = new Set(["int64", "int32"]);

function read(
  { design, scan, answer, response }: Body,
  sql: { items: "count" | readonly string[]; where: readonly Condition[]; limit?: number },
): Part {
  const store = scan.store;
  const key = lookup(scan, sql.where, design);
  const rest = sql.where.filter((c) => !(key && scan.isKey(c.column) && c.op === "eq"));
  const name = variable(answer.name);
  const limited = limitSlice(design, sql.limit);
  const attr = `self.${store.attr}`;
  let value: Block | string;
  if (sql.items === "count") {
    if (answer.repeated || !INTS.has(answer.type))
      throw new Unmapped(`COUNT(*) does not fit ${answer.name}`);
    const tests = scan.tests(rest);
    if (key && store.holds === "messages") {
      const rows = `${attr}.get(${key}, [])`;
      value = tests.length
        ? comprehension(`${name} = sum`, "()", [
            "1",
            `for ${scan.row} in ${rows}`,
            ...filtered(tests),
          ])
        : `${name} = len(${rows})`;
    } else
      value = comprehension(`${name} = sum`, "()", ["1", ...scan.source(), ...filtered(tests)]);
  } else if (store.message && answer.type === store.message) {
    const tests = scan.tests(rest);
    if (key && store.holds === "message" && tests.length === 0 && !answer.repeated)
      value = `${name} = ${attr}.get(${key})`;
    else if (key && store.holds === "messages") {
      const rows = `${attr}.get(${key}, [])`;
      const clauses = [scan.row, `for ${scan.row} in ${rows}`, ...filtered(tests)];
      if (!answer.repeated) value = nextOf(name, clauses);
      else if (tests.length || limited) value = comprehension(`${name} = `, "[]", clauses, limited);
      else value = `${name} = ${rows}`;
    } else {
      const clauses = [scan.useRow(), ...scan.source(), ...filtered(tests)];
      value = answer.repeated
        ? comprehension(`${name} = `, "[]", clauses, limited)
        : nextOf(name, clauses);
    }
  } else if (answer.repeated && sql.items.length === 1 && !answer.type.match(/^[A-Z]/)) {
    const tests = scan.tests(rest);
    const column = scan.column(sql.items[0]!);
    value = comprehension(
      `${name} = `,
      "[]",
      [column, ...scan.source(), ...filtered(tests)],
      limited,
    );
  } else {
    throw new Unmapped(
      `${answer.name} is not a count, ${store.attr}'s ${store.message ?? "rows"} or one selected column`,
    );
  }
  return code`
    ${value}
    return ${response}(${pyKeywordArg(answer.name, name)})
  `;
}

/** The count or flag a write answers with. */
function written(answer: Answer, rows: string): string {
  if (!answer.repeated && INTS.has(answer.type)) return `len(${rows})`;
  if (!answer.repeated && answer.type === "bool") return `bool(${rows})`;
  throw new Unmapped(`${answer.name} is not a count or a bool`);
}

/** Lines that drop a removed row from a mirror, whose key and match must come from the store's key. */
function dropFromMirror(scan: Scan, mirror: FakeStore): Part {
  const from = (column: string) => {
    const k = scan.store.key.find((x) => x.column === column);
    if (!k)
      throw new Unmapped(
        `${mirror.attr} also holds these rows, keyed by ${column}, which the removed key does not give`,
      );
    return k.as;
  };
  const key = pyTuple(mirror.key.map((k) => from(k.column)));
  const attr = `self.${mirror.attr}`;
  if (mirror.holds !== "messages") return `${attr}.pop(${key}, None)`;
  const row = mirror.row ?? "row";
  const keeps = mirror.fields.map((f) => `${row}.${f} != ${from(f)}`).join(" or ");
  return code`
    if ${key} in ${attr}:
        ${comprehension(`${attr}[${key}] = `, "[]", [row, `for ${row} in ${attr}[${key}]`, `if ${keeps}`])}
  `;
}

/** The store a write adds rows to or removes them from: one row per key, not lists. */
function dictStore(scan: Scan, verb: "add" | "remove"): FakeStore {
  if (scan.store.holds === "messages")
    throw new Unmapped(`${scan.store.attr} keeps rows in lists: ${verb} them by hand`);
  return scan.store;
}

function remove(
  { design, scan, answer, response }: Body,
  sql: { where: readonly Condition[]; limit?: number },
): Part {
  const store = dictStore(scan, "remove");
  const tests = scan.tests(sql.where);
  const limited = limitSlice(design, sql.limit);
  const key = scan.keyTarget(true);
  const removed = comprehension(
    "removed = ",
    "[]",
    [key, ...scan.source(true), ...filtered(tests)],
    limited,
  );
  const drops = store.mirrors.map((m) => dropFromMirror(scan, m));
  return code`
    ${removed}
    for ${key.replace(/^\((.*)\)$/, "$1")} in removed:
        del self.${store.attr}[${key}]
        ${drops}
    return ${response}(${pyKeywordArg(answer.name, written(answer, "removed"))})
  `;
}

function update(
  { design, scan, answer, response }: Body,
  sql: Extract<FakeSql, { kind: "update" }>,
): Part {
  const store = scan.store;
  if (store.holds !== "message")
    throw new Unmapped(`${store.attr} does not keep messages to update in place`);
  const tests = scan.tests(sql.where);
  const row = scan.useRow();
  const sets = sql.set.map((s) => {
    if (scan.isKey(s.column) || !store.fields.includes(s.column))
      throw new Unmapped(`${store.attr} cannot change ${s.column} in place`);
    const value = requestField(design, s.param, false);
    const target = `${row}.${s.column}`;
    return `${target} = ${s.greatest ? `max(${target}, ${value})` : value}`;
  });
  const updated = comprehension("updated = ", "[]", [row, ...scan.source(), ...filtered(tests)]);
  return code`
    ${updated}
    for ${row} in updated:
        ${sets}
    return ${response}(${pyKeywordArg(answer.name, written(answer, "updated"))})
  `;
}

/** The Python module that declares a stored message (`group_pb2`). */
function moduleOf(message: string): string {
  const domain = KNOWN_MESSAGES[message];
  if (!domain) throw new Unmapped(`no module is known for ${message}`);
  return `${domain}_pb2`;
}

/** The inserted value of each column, as Python. */
function insertedValues(design: Design, sql: Extract<FakeSql, { kind: "insert" }>) {
  return new Map(
    sql.values.map(({ column, value }) => [
      column,
      "param" in value
        ? requestField(design, value.param, false)
        : (LITERALS[value.literal] ?? value.literal),
    ]),
  );
}

function keyOf(store: FakeStore, values: ReadonlyMap<string, string>): string {
  return pyTuple(
    store.key.map((k) => {
      const v = values.get(k.column);
      if (v === undefined)
        throw new Unmapped(`${store.attr} is keyed by ${k.column}, which the INSERT does not give`);
      return v;
    }),
  );
}

/** `module.Message(field=value, …)` from the inserted columns the store's message carries. */
function build(
  store: FakeStore,
  values: ReadonlyMap<string, string>,
  extra: readonly string[],
  before: string,
  after = "",
): Block {
  const args = store.fields.flatMap((f) => {
    const v = values.get(f);
    return v === undefined ? [] : [`${f}=${v}`];
  });
  const constants = Object.entries(store.constants ?? {}).map(([f, v]) => `${f}=${v}`);
  const message = bracketed(
    `${moduleOf(store.message!)}.${store.message}`,
    [...extra, ...args, ...constants],
    "",
  );
  return (column) => {
    const flat = `${before}${message(column + before.length)}${after}`;
    if (!flat.includes("\n") && column + flat.length <= LINE_LENGTH) return flat;
    if (after !== ")") return `${before}${message(column + before.length)}`;
    // A call wrapping the message breaks first, as ruff breaks the outermost brackets.
    const inner = message(column + 4).replaceAll("\n", "\n    ");
    return `${before}\n    ${inner}\n)`;
  };
}

/** Lines that add the new row to a mirror, keyed and built from the inserted columns. */
function addToMirror(mirror: FakeStore, values: ReadonlyMap<string, string>, row: string): Part {
  const key = keyOf(mirror, values);
  const attr = `self.${mirror.attr}`;
  if (mirror.holds === "messages")
    return build(mirror, values, [], `${attr}.setdefault(${key}, []).append(`, ")");
  if (mirror.holds === "flag") return `${attr}[${key}] = True`;
  return `${attr}[${key}] = ${row}`;
}

/** What an INSERT answers: the stored row, or whether (how many, 0 or 1) it added one. */
function insertAnswer(
  answer: Answer,
  store: FakeStore,
  skip: boolean,
  stored: string,
  row: string,
) {
  if (store.message && answer.type === store.message && !answer.repeated)
    return skip ? `${stored} if inserted else None` : row;
  if (!answer.repeated && INTS.has(answer.type)) return skip ? "int(inserted)" : "1";
  if (!answer.repeated && answer.type === "bool") return skip ? "inserted" : "True";
  throw new Unmapped(`${answer.name} is not the new row, a count or a bool`);
}

function insert(
  { design, scan, answer, response }: Body,
  sql: Extract<FakeSql, { kind: "insert" }>,
): Part {
  const store = dictStore(scan, "add");
  const values = insertedValues(design, sql);
  const kept = new Set([...store.key.map((k) => k.column), ...store.fields]);
  scan.unkept.push(...[...values.keys()].filter((c) => !kept.has(c)));
  const attr = `self.${store.attr}`;
  const key = keyOf(store, values);
  const row = store.holds === "message" ? scan.useRow() : "True";
  // A new row gets the next id, as the real fake's create_group does, when the INSERT gives none.
  const nextId =
    store.fields.includes("id") && !values.has("id")
      ? [`id=max((${row}.id for ${row} in ${attr}.values()), default=0) + 1`]
      : [];
  const stored = store.holds === "message" && build(store, values, nextId, `${row} = `);
  const adds = [`${attr}[key] = ${row}`, ...store.mirrors.map((m) => addToMirror(m, values, row))];
  const skip = sql.skipExisting;
  const answered = insertAnswer(answer, store, sql.skipExisting, `${attr}[key]`, row);
  return code`
    key = ${key}
    ${skip ? `inserted = key not in ${attr}` : ""}
    ${
      skip
        ? code`
      if inserted:
          ${stored}
          ${adds}
    `
        : [stored, adds]
    }
    return ${response}(${pyKeywordArg(answer.name, answered)})
  `;
}

/** The fake's body after the recorded call, or why it cannot be computed from the stores. */
export function fakeBody(design: Design, response: string): FakeBody {
  const sql = fakeSql(design.sql);
  if ("unsupported" in sql) return sql;
  if (design.tables.length !== 1 || design.tables[0] !== sql.table)
    return { unsupported: `the design's tables are not just the SQL's ${sql.table}` };
  const stores = personhogTable(sql.table)?.fakeStores;
  if (!stores) return { unsupported: `the fake keeps no ${sql.table} rows` };
  const write = design.operation === "write";
  if (write !== (sql.kind !== "select"))
    return { unsupported: `a ${design.operation} with a ${sql.kind.toUpperCase()} statement` };
  // Writes change the first store, which holds every row; a read may use another one's key.
  const store = sql.kind === "select" ? readStore(stores, sql.where) : stores[0]!;
  const scan = new Scan(store, design);
  try {
    const body: Body = { design, scan, answer: answerField(design), response };
    const lines =
      sql.kind === "select"
        ? read(body, sql)
        : sql.kind === "delete"
          ? remove(body, sql)
          : sql.kind === "insert"
            ? insert(body, sql)
            : update(body, sql);
    const adds = sql.kind === "delete" || sql.kind === "insert";
    const mirrors = adds ? store.mirrors.map((m) => m.attr) : [];
    return { lines, store: store.attr, mirrors, assumed: scan.assumed, unkept: scan.unkept };
  } catch (e) {
    if (e instanceof Unmapped) return { unsupported: e.message };
    throw e;
  }
}
