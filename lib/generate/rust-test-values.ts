/**
 * What the generated Rust tests share: request values, fixture rows, the request literal. A
 * "seeded" value points at the rows the test inserted (the person's id, the seeded group key); a
 * "missing" one at nothing (a fresh team, id -1), so the query must find nothing.
 */
import type { Design, FieldDesign } from "../design/model";
import type { GenerateInput } from "./context";
import type { Block } from "./code";
import { call, chain, structLiteral } from "./rust-layout";
import { rustIdent, rustString } from "../escape/rust";
import { baseType, fieldType, owned } from "./rust-types";
import { capValue } from "../design/documented-cap";

export type Mode = "seeded" | "missing";

/** `assert_eq!(a, b);`, opened up like any macro call when too wide. */
export const assertPair = (a: string, b: string, macro = "assert_eq") =>
  call(`${macro}!(`, [a, b], ");", { macro: true });

/** `let read_options = {open}ReadOptions { consistency: {level}, … });` */
export const readOptionsLet = (open: string, level: string, extra: readonly string[] = []) =>
  structLiteral(
    `let read_options = ${open}`,
    [],
    "ReadOptions",
    [`consistency: ${level}`, ...extra],
    ");",
  );

/** One element's value, borrowed (a storage argument) and owned (a proto field or a Vec item). */
interface Elem {
  readonly borrowed: string;
  readonly owned: string;
  /** False when the value is a guess the seeded rows may not match. */
  readonly known: boolean;
}

const SEEDED_COHORT = "1";
const lit = (expr: string, known = true): Elem => ({ borrowed: expr, owned: expr, known });
const str = (text: string, known = true): Elem => ({
  borrowed: rustString(text),
  owned: `${rustString(text)}.to_string()`,
  known,
});

function elem(f: FieldDesign, mode: Mode, team = "ctx.team_id"): Elem | null {
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
  if (text) {
    if (key === "uuid")
      return seeded
        ? { borrowed: "&person.uuid.to_string()", owned: "person.uuid.to_string()", known: true }
        : str("00000000-0000-0000-0000-000000000000");
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

type Value = { readonly expr: string; readonly known: boolean };

/** The argument passed to the storage method (borrowed form). */
export function storageArg(f: FieldDesign, mode: Mode): Value | null {
  if (f.optional) return { expr: "None", known: true };
  const e = elem(f, mode);
  if (!e) return f.repeated ? { expr: "&[]", known: false } : null;
  return { expr: f.repeated ? `&[${e.owned}]` : e.borrowed, known: e.known };
}

/** The initialiser of a proto request field (owned form, as prost generates it). */
export function protoValue(f: FieldDesign, mode: Mode, team?: string): Value {
  if (f.optional || fieldType(f).k === "option") return { expr: "None", known: true };
  const e = elem(f, mode, team);
  if (!e) return { expr: "Vec::new()", known: false };
  return { expr: f.repeated ? `vec![${e.owned}]` : e.owned, known: e.known };
}

/** rstest's unknown key for a repeated field: a case cannot name the test's `ctx`, so team -1. */
export function batchCases(f: FieldDesign): { unknown: string; type: string } {
  const e = elem(f, "missing", "-1");
  return { unknown: e ? `vec![${e.owned}]` : "vec![]", type: owned(fieldType(f)) };
}

const PERSON_TABLES = new Set([
  "posthog_person",
  "posthog_persondistinctid",
  "posthog_cohortpeople",
  "posthog_featureflaghashkeyoverride",
]);
const NO_FIXTURE = new Set(["posthog_personlessdistinctid", "posthog_personoverride"]);

const step = (lead: string, call: string, what: string): Block =>
  chain(lead, "ctx", [call, ".await", `.expect("Failed to ${what}")`], ";");

/**
 * Lines inserting the rows a seeded test reads, using the TestContext fixtures; null when a table
 * has no fixture helper.
 */
export function seedLines(design: Design, personUsed: boolean): Block[] | null {
  const tables = new Set(design.tables);
  if ([...tables].some((t) => NO_FIXTURE.has(t)) || tables.size === 0) return null;
  const cohort = tables.has("posthog_cohortpeople");
  const flags = tables.has("posthog_featureflaghashkeyoverride");
  const needsPerson = personUsed || [...tables].some((t) => PERSON_TABLES.has(t));
  const lines: Block[] = [];
  if (needsPerson) {
    const lead = personUsed || cohort || flags ? "let person = " : "";
    lines.push(step(lead, '.insert_person("seeded-user", None)', "insert person"));
  }
  if (cohort)
    lines.push(step("", `.add_person_to_cohort(person.id, ${SEEDED_COHORT})`, "add to cohort"));
  if (flags) {
    const override = '.insert_hash_key_override(person.id, "seeded-flag", "seeded-hash")';
    lines.push(step("", override, "insert override"));
  }
  if (tables.has("posthog_group"))
    lines.push(step("", '.insert_group(0, "seeded-group", None)', "insert group"));
  if (tables.has("posthog_grouptypemapping"))
    lines.push(step("", ".insert_standard_group_type_mappings()", "insert mappings"));
  return lines;
}

/**
 * `lead Request::new(XRequest { … })end` with values that point at nothing; `overrides` replace
 * single fields, and `read_options` (when the read carries it) defaults to None.
 */
export function requestLiteral(
  { design, d }: GenerateInput,
  opts: { lead: string; calls: string[]; overrides?: Record<string, string>; team?: string },
): Block {
  const overrides = opts.overrides ?? {};
  const fields = design.request.map((f) => {
    const value = Object.hasOwn(overrides, f.name)
      ? overrides[f.name]!
      : protoValue(f, "missing", opts.team).expr;
    return `${rustIdent(f.name)}: ${value}`;
  });
  if (design.operation === "read" && design.readOptions)
    fields.push(overrides.read_options ? "read_options" : "read_options: None");
  return structLiteral(opts.lead, opts.calls, d.requestMessage, fields, ";");
}
