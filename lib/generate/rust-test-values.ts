/**
 * What the generated Rust tests share: request values, fixture rows, the request literal. A
 * "seeded" value points at the rows the test inserted (the person's id, the seeded group key); a
 * "missing" one at nothing (a fresh team, id -1), so the query must find nothing.
 */
import type { Design, FieldDesign } from "../design/model";
import type { GenerateInput } from "./context";
import type { Block, Part } from "./code";
import { call, chain, structLiteral } from "./rust-layout";
import { rustIdent, rustString } from "../escape/rust";
import { baseType, fieldType } from "./rust-types";
import { capValue } from "../design/documented-cap";

export type Mode = "seeded" | "missing";

/** `assert_eq!(a, b);`, opened up like any macro call when too wide. */
export const assertPair = (a: string, b: string, macro = "assert_eq") =>
  call(`${macro}!(`, [a, b], ");", { macro: true });

/** `let read_options = {open}ReadOptions { fields });`, `open` being `Some(` or a map closure. */
export const readOptionsLet = (open: string, fields: readonly string[]) =>
  structLiteral(`let read_options = ${open}`, [], "ReadOptions", fields, ");");

/** One element's value, borrowed (a storage argument) and owned (a proto field or a Vec item). */
interface Elem {
  readonly borrowed: string;
  readonly owned: string;
  /** False when the value is a guess the seeded rows may not match. */
  readonly known: boolean;
}

const SEEDED_COHORT = "1";
const lit = (expr: string, known = true): Elem => ({ borrowed: expr, owned: expr, known });
const str = (text: string, known = true): Elem => {
  const literal = rustString(text);
  return { borrowed: literal, owned: `${literal}.to_string()`, known };
};

/** `uuid`: the storage takes the value as a `Uuid`, not as text. */
function elem(f: FieldDesign, mode: Mode, team = "ctx.team_id", uuid = false): Elem | null {
  const seeded = mode === "seeded";
  const key = f.name.replace(/s$/, "");
  const t = baseType(f.type);
  // Names decide the value only when the type is the usual one (ids are integers, keys text).
  const int = t.k === "prim" && (t.name === "i64" || t.name === "i32");
  const text = t.k === "string";
  if (int) {
    if (key === "team_id" || key === "project_id") return lit(team);
    if (key === "person_id") return lit(seeded ? "person.id" : "-1");
    if (key === "group_type_index") return lit("0");
    if (key === "cohort_id") return lit(seeded ? SEEDED_COHORT : "-1");
    // Within a documented cap: the handler refuses a batch_size above it.
    if (key === "limit" || key === "batch_size") {
      const cap = capValue(f);
      return lit(cap !== null && cap < 100n ? cap.toString() : "100");
    }
    if (f.name.endsWith("_ms") && t.name === "i64") return lit("1_700_000_000_000");
  }
  // The seeded person's uuid, or the nil uuid no row has; another name only guesses the person.
  if (uuid || (text && key === "uuid")) {
    const known = !seeded || key === "uuid";
    if (uuid) return lit(seeded ? "person.uuid" : "Uuid::nil()", known);
    return seeded
      ? { borrowed: "&person.uuid.to_string()", owned: "person.uuid.to_string()", known }
      : str("00000000-0000-0000-0000-000000000000", known);
  }
  if (text) {
    if (key === "distinct_id") return str(seeded ? "seeded-user" : "missing-user");
    if (key === "group_key") return str(seeded ? "seeded-group" : "missing-group");
    if (key === "feature_flag_key") return str("seeded-flag");
    if (key === "hash_key") return str("seeded-hash");
  }
  if (t.k === "prim")
    return lit(t.name === "bool" ? "true" : t.name === "f64" ? "1.0" : "1", false);
  if (text) return str(seeded ? "seeded" : "missing", false);
  if (t.k === "bytes") return { borrowed: 'b"{}"', owned: 'b"{}".to_vec()', known: false };
  return null;
}

/** The argument passed to the storage method (borrowed form); `uuid` when it takes a `Uuid`. */
export function storageArg(
  f: FieldDesign,
  mode: Mode,
  uuid = false,
): { expr: string; known: boolean } | null {
  if (f.optional) return { expr: "None", known: true };
  const e = elem(f, mode, undefined, uuid);
  if (!e) return f.repeated ? { expr: "&[]", known: false } : null;
  return { expr: f.repeated ? `&[${e.owned}]` : e.borrowed, known: e.known };
}

/** The initialiser of a proto request field pointing at nothing (owned, as prost generates it). */
export function protoValue(f: FieldDesign, team?: string): string {
  if (f.optional || fieldType(f).k === "option") return "None";
  const e = elem(f, "missing", team);
  if (!e) return "Vec::new()";
  return f.repeated ? `vec![${e.owned}]` : e.owned;
}

/** rstest's unknown keys for a repeated field: a case cannot name the test's `ctx`, so team -1. */
export function unknownBatch(f: FieldDesign, uuid = false): string {
  const e = elem(f, "missing", "-1", uuid);
  return e ? `vec![${e.owned}]` : "vec![]";
}

const PERSON_TABLES = new Set([
  "posthog_person",
  "posthog_persondistinctid",
  "posthog_cohortpeople",
  "posthog_featureflaghashkeyoverride",
]);
const NO_FIXTURE = new Set(["posthog_personlessdistinctid", "posthog_personoverride"]);

const step = (call: string, what: string, lead = ""): Block =>
  chain(lead, "ctx", [call, ".await", `.expect("Failed to ${what}")`], ";");

/** TestContext fixture calls for the rows a seeded test reads; null when a table has none. */
export function seedLines({ tables }: Design, args: readonly string[]): Part[] | null {
  if (tables.length === 0 || tables.some((t) => NO_FIXTURE.has(t))) return null;
  const personUsed = args.some((a) => a.includes("person."));
  const cohort = tables.includes("posthog_cohortpeople");
  const flags = tables.includes("posthog_featureflaghashkeyoverride");
  const person = personUsed || cohort || flags ? "let person = " : "";
  const override = '.insert_hash_key_override(person.id, "seeded-flag", "seeded-hash")';
  return [
    (personUsed || tables.some((t) => PERSON_TABLES.has(t))) &&
      step('.insert_person("seeded-user", None)', "insert person", person),
    cohort && step(`.add_person_to_cohort(person.id, ${SEEDED_COHORT})`, "add to cohort"),
    flags && step(override, "insert override"),
    tables.includes("posthog_group") &&
      step('.insert_group(0, "seeded-group", None)', "insert group"),
    tables.includes("posthog_grouptypemapping") &&
      step(".insert_standard_group_type_mappings()", "insert mappings"),
  ];
}

/** `let request = Request::new(XRequest { … });` pointing at nothing but for `overrides`. */
export function requestLiteral(
  { design, d }: GenerateInput,
  opts: { calls: string[]; overrides?: Record<string, string>; team?: string },
): Block {
  const overrides = opts.overrides ?? {};
  const fields = design.request.map((f) => {
    const value = Object.hasOwn(overrides, f.name) ? overrides[f.name] : protoValue(f, opts.team);
    return `${rustIdent(f.name)}: ${value}`;
  });
  if (design.operation === "read" && design.readOptions)
    fields.push(overrides.read_options ? "read_options" : "read_options: None");
  return structLiteral("let request = ", opts.calls, d.requestMessage, fields, ";");
}
