/**
 * What the storage method returns and how the handler turns it into the proto response: a new
 * response's one field returns its type (`count` → `i64`), several a result struct the design
 * declares; a shared response returns the rows it carries.
 */
import { BUILT_INLINE } from "../catalogue/existing-rpcs";
import type { Design, FieldDesign } from "../design/model";
import { code, type Block } from "./code";
import { rustIdent } from "../escape/rust";
import { fieldType, type RustType } from "./rust-types";

export interface ReturnShape {
  readonly type: RustType;
  /** The handler's variable holding the storage result; null for `()`. */
  readonly variable: string | null;
  /** Field initialisers of the proto response literal, built from `variable`. */
  readonly responseFields: readonly (string | Block)[];
  /** A result struct to declare in `storage/types`, for responses with several fields. */
  readonly struct: { readonly name: string; readonly fields: readonly FieldDesign[] } | null;
  readonly notes: readonly string[];
}

const named = (name: string): RustType => ({ k: "named", name });
const vecOf = (name: string): RustType => ({ k: "vec", of: named(name) });
const INTO_VEC = ".into_iter().map(Into::into).collect()";
const FROM_NOTE =
  "`Into::into` needs a `From<storage::X>` impl for the proto type; the replica has them for Person, Group and GroupTypeMapping (src/service/types); other types are built inline in existing handlers.";

/** `name: rows` with each storage row built into `message` field by field, as rustfmt lays it out. */
function builtInline(name: string, rows: string, message: string): Block {
  // rustfmt puts each step of the chain on its line, `result.rows` too.
  const [root, ...path] = rows.split(".");
  const row = (path.at(-1) ?? root!)[0]!;
  return code`
    ${name}: ${root}
        ${path.map((step) => `.${step}`)}
        .into_iter()
        .map(|${row}| ${message} {
            ${BUILT_INLINE[message]!.map((f) => `${f}: ${row}.${f},`)}
        })
        .collect()
  `;
}

/** Shared responses: the storage rows behind them and the literal that carries them. */
const SHARED: Readonly<Record<string, Omit<ReturnShape, "struct">>> = {
  GetPersonResponse: {
    type: { k: "option", of: named("Person") },
    variable: "person",
    responseFields: ["person: person.map(Into::into)"],
    notes: [],
  },
  PersonsResponse: {
    type: vecOf("Person"),
    variable: "persons",
    responseFields: [`persons: persons${INTO_VEC}`, "missing_ids: Vec::new()"],
    notes: [
      "PersonsResponse also reports the requested ids that were not found: fill missing_ids.",
    ],
  },
  GroupsResponse: {
    type: vecOf("Group"),
    variable: "groups",
    responseFields: [`groups: groups${INTO_VEC}`],
    notes: [FROM_NOTE],
  },
  GroupTypeMappingsResponse: {
    type: vecOf("GroupTypeMapping"),
    variable: "mappings",
    responseFields: [`mappings: mappings${INTO_VEC}`],
    notes: [FROM_NOTE],
  },
  GroupTypeMappingsBatchResponse: {
    type: vecOf("GroupTypeMapping"),
    variable: "mappings",
    responseFields: ["results: group_by_key(mappings)"],
    notes: [
      "GroupTypeMappingsBatchResponse holds one GroupTypeMappingsByKey per requested key: group the rows by team or project (see get_group_type_mappings_by_team_ids) in place of group_by_key.",
    ],
  },
  CohortMembershipResponse: {
    type: vecOf("CohortMembership"),
    variable: "memberships",
    responseFields: [builtInline("memberships", "memberships", "CohortMembership")],
    notes: [],
  },
};

function hasMessage(t: RustType): boolean {
  return t.k === "named" || ((t.k === "vec" || t.k === "option") && hasMessage(t.of));
}

/** What turns a storage value holding rows into the proto field's messages. */
const INTO_PROTO: Partial<Record<RustType["k"], string>> = {
  vec: INTO_VEC,
  option: ".map(Into::into)",
  named: ".into()",
};

/** A repeated message the handlers build field by field, or null. */
function inlineMessage(t: RustType): string | null {
  return t.k === "vec" && t.of.k === "named" && Object.hasOwn(BUILT_INLINE, t.of.name)
    ? t.of.name
    : null;
}

function initialiser(f: FieldDesign, value: string): string | Block {
  const name = rustIdent(f.name);
  const t = fieldType(f);
  const inline = inlineMessage(t);
  if (inline) return builtInline(name, value, inline);
  const expr = hasMessage(t) ? `${value}${INTO_PROTO[t.k]}` : value;
  return expr === name ? name : `${name}: ${expr}`;
}

function nothing(notes: readonly string[] = []): ReturnShape {
  return { type: { k: "unit" }, variable: null, responseFields: [], struct: null, notes };
}

export function returnShape(design: Design, rpc: string): ReturnShape {
  const { response } = design;
  if (response.kind === "shared") {
    const shared = SHARED[response.name];
    if (shared) return { ...shared, struct: null };
    return nothing([
      `${response.name} is not a known shared response; pick one or declare a new one.`,
    ]);
  }
  const { fields } = response;
  if (fields.length === 0) return nothing();
  if (fields.length === 1) {
    const field = fields[0]!;
    const type = fieldType(field);
    const variable = rustIdent(field.name);
    const responseFields = [initialiser(field, variable)];
    const notes = hasMessage(type) && !inlineMessage(type) ? [FROM_NOTE] : [];
    return { type, variable, responseFields, struct: null, notes };
  }
  const name = `${rpc}Result`;
  return {
    type: named(name),
    variable: "result",
    responseFields: fields.map((f) => initialiser(f, `result.${rustIdent(f.name)}`)),
    struct: { name, fields },
    notes: [`The response has ${fields.length} fields, so storage returns a ${name} struct.`],
  };
}
