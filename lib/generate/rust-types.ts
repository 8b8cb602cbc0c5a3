/**
 * Rust types for a design: proto fields → storage parameters and handler arguments, the response →
 * what storage returns. Storage, service and router read one `RustPlan`, so they always agree.
 */
import type { GenerateInput } from "./context";
import { paramType } from "./rust-binds";
import { rustIdent } from "../escape/rust";
import { servedByLeader } from "../design/derive";
import type { FieldDesign } from "../design/model";
import type { DataCategory } from "../catalogue/tables";

export type RustType =
  | { readonly k: "prim"; readonly name: "i64" | "i32" | "bool" | "f64" }
  | { readonly k: "string" }
  | { readonly k: "bytes" }
  | { readonly k: "named"; readonly name: string }
  | { readonly k: "vec"; readonly of: RustType }
  | { readonly k: "option"; readonly of: RustType }
  | { readonly k: "unit" };

/** How named storage types are spelled where the snippet lands (`Person` or `storage::Person`). */
export type Qualify = (name: string) => string;
export const bare: Qualify = (n) => n;
export const viaStorage: Qualify = (n) => `storage::${n}`;

const PRIMS: Readonly<Record<string, RustType>> = {
  int64: { k: "prim", name: "i64" },
  int32: { k: "prim", name: "i32" },
  bool: { k: "prim", name: "bool" },
  double: { k: "prim", name: "f64" },
  string: { k: "string" },
  bytes: { k: "bytes" },
};

/** The types without a name or an element: owned, borrowed as a parameter, and empty. */
const PLAIN = {
  string: { owned: "String", borrowed: "&str", empty: "String::new()" },
  bytes: { owned: "Vec<u8>", borrowed: "&[u8]", empty: "Vec::new()" },
  unit: { owned: "()", borrowed: "()", empty: "()" },
} as const;

const EMPTY_PRIM = { i64: "0", i32: "0", bool: "false", f64: "0.0" } as const;

/** The element type of a proto field, ignoring `repeated`/`optional`. */
export function baseType(protoType: string): RustType {
  return PRIMS[protoType] ?? { k: "named", name: protoType };
}

/** The owned Rust type prost generates for a field (and storage returns). */
export function fieldType(f: FieldDesign): RustType {
  const base = baseType(f.type);
  if (f.repeated) return { k: "vec", of: base };
  // prost wraps every singular message field in Option.
  if (f.optional || base.k === "named") return { k: "option", of: base };
  return base;
}

export function owned(t: RustType, q: Qualify = bare): string {
  if (t.k === "vec") return `Vec<${owned(t.of, q)}>`;
  if (t.k === "option") return `Option<${owned(t.of, q)}>`;
  if (t.k === "named") return q(t.name);
  return t.k === "prim" ? t.name : PLAIN[t.k].owned;
}

/** A borrowed parameter type: `&str`, `&[i64]`, `Option<&str>`. */
export function borrowed(t: RustType, q: Qualify = bare): string {
  if (t.k === "vec") return `&[${owned(t.of, q)}]`;
  if (t.k === "option") return `Option<${borrowed(t.of, q)}>`;
  if (t.k === "named") return `&${q(t.name)}`;
  return t.k === "prim" ? t.name : PLAIN[t.k].borrowed;
}

/** The empty value of a type: the early return for an empty batch, and SuccessStorage's answer. */
export function emptyValue(t: RustType, q: Qualify = bare): string {
  if (t.k === "vec") return "Vec::new()";
  if (t.k === "option") return "None";
  if (t.k === "named") return `${q(t.name)}::default()`;
  return t.k === "prim" ? EMPTY_PRIM[t.name] : PLAIN[t.k].empty;
}

/** The handler's expression passing a request field to storage (`&req.ids`, `req.name.as_deref()`). */
export function handlerArg(f: FieldDesign, access = `req.${rustIdent(f.name)}`): string {
  const t = fieldType(f);
  if (t.k === "prim" || (t.k === "option" && t.of.k === "prim")) return access;
  if (t.k !== "option") return `&${access}`;
  return t.of.k === "named" ? `${access}.as_ref()` : `${access}.as_deref()`;
}

/** The router finds a person's leader from these two fields: a leader RPC's request needs both. */
export function carriesPersonKey(request: readonly FieldDesign[]): boolean {
  return ["team_id", "person_id"].every((k) => request.some((f) => f.name === k));
}

/** An INSERT (possibly after a WITH): run against a fresh team it would insert, not find nothing. */
export function isInsert(sql: string): boolean {
  return /^\s*(WITH\b[\s\S]*?\)\s*)?INSERT\b/i.test(sql);
}

export interface StorageParam {
  readonly name: string;
  readonly type: (q: Qualify) => string;
  /** The request field it comes from; absent for `consistency`. */
  readonly field?: FieldDesign;
  /**
   * A string the SQL compares with a uuid column: storage takes `Uuid` (sqlx binds no text as a
   * uuid) and the handler parses it first, as get_person_by_uuid does.
   */
  readonly uuid?: boolean;
}

/** `Uuid`, `&[Uuid]` or `Option<Uuid>`: a uuid parameter is Copy, passed by value. */
const uuidParam = (f: FieldDesign) =>
  f.repeated ? "&[Uuid]" : f.optional ? "Option<Uuid>" : "Uuid";

export interface RustPlan {
  readonly method: string;
  readonly category: DataCategory;
  /** True when the tables did not decide the category and the plan assumed PersonData. */
  readonly categoryAssumed: boolean;
  readonly write: boolean;
  /** The pool the postgres impl reads or writes with. */
  readonly pool: "replica_pool" | "primary_pool" | "bulk_primary_pool" | "pool_for_consistency";
  readonly takesConsistency: boolean;
  readonly params: readonly StorageParam[];
  /** Repeated request fields: an empty one means nothing to do (early return). */
  readonly repeated: readonly FieldDesign[];
  /** A write's integer `batch_size`: a batch delete the caller repeats until 0; ≤ 0 does nothing. */
  readonly batchSize: FieldDesign | null;
  /**
   * The leader serves the write (servedByLeader): it lives in the leader crate and the replica
   * never sees it (call_leader! in era B, a match arm in today's proxy, no line in replica.proto).
   */
  readonly leaderOnly: boolean;
}

const isBatchSize = (f: FieldDesign): boolean =>
  f.name === "batch_size" && !f.repeated && ["int64", "int32"].includes(f.type);

const plans = new WeakMap<GenerateInput, RustPlan>();

/** Planned once per generate: the router, service, storage and verify generators each ask. */
export function rustPlan(input: GenerateInput): RustPlan {
  let plan = plans.get(input);
  if (!plan) plans.set(input, (plan = planOf(input)));
  return plan;
}

function planOf({ design, d }: GenerateInput): RustPlan {
  const category = d.category ?? "PersonData";
  const write = design.operation === "write";
  const takesConsistency = !write && (category === "NonPersonData" || d.distinctIdRead);
  const batchSize = (write && design.request.find(isBatchSize)) || null;
  const pool = write
    ? batchSize
      ? "bulk_primary_pool"
      : "primary_pool"
    : takesConsistency
      ? "pool_for_consistency"
      : "replica_pool";
  const params: StorageParam[] = design.request.map((f, i) => {
    const uuid = f.type === "string" && paramType(design, i + 1) === "uuid";
    const type = (q: Qualify) => (uuid ? uuidParam(f) : borrowed(fieldType(f), q));
    return { name: rustIdent(f.name), type, field: f, uuid };
  });
  if (takesConsistency)
    params.push({
      name: "consistency",
      type: (q) => (q === bare ? "ConsistencyLevel" : `${q("postgres")}::ConsistencyLevel`),
    });
  return {
    method: d.snake,
    category,
    categoryAssumed: d.category === null,
    write,
    pool,
    takesConsistency,
    params,
    repeated: design.request.filter((f) => f.repeated),
    batchSize,
    leaderOnly: servedByLeader(design, category),
  };
}
