/**
 * The design's JSON Schema (draft 2020-12), for agents and editors that write designs. Built from
 * the model's options, the catalogue and validate.ts's limits, so it cannot drift from what the
 * workbench accepts: a design the schema accepts is read by `validateDesign` without an error or a
 * warning. It is stricter than the reader in two ways, both on purpose: unknown keys (the reader
 * ignores them with a warning) and names the generators would refuse (an RPC name that is not
 * PascalCase, a table outside personhog) are invalid here.
 */
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { DATA_CATEGORIES, PERSONHOG_TABLES } from "../catalogue/tables";
import { GUIDE_ERA } from "../catalogue/layout-eras";
import { EMPTY_DESIGN } from "./defaults";
import { CONVERGENT_SHAPES, DESIGN_CHOICES, SCALAR_TYPES, type ChoiceField } from "./model";
import { MAX_RPC_NAME_LENGTH, PASCAL_CASE } from "./rpc-name";
import {
  FIELD_KEYS,
  FIELD_NAME,
  LEADER_SAFETY_KEYS,
  MAX_FIELDS,
  MAX_SQL_LENGTH,
  MAX_TABLES,
  MAX_TEXT,
} from "./validate";

export type JsonSchema = { readonly [keyword: string]: unknown };

const field: JsonSchema = {
  type: "object",
  description: "A proto field.",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", pattern: FIELD_NAME.source, description: "snake_case, as in proto." },
    type: {
      enum: [...SCALAR_TYPES, ...Object.keys(KNOWN_MESSAGES)],
      default: "int64",
      description: "A scalar, or a message personhog already has.",
    },
    optional: { type: "boolean", default: false },
    repeated: { type: "boolean", default: false },
    comment: { type: "string", maxLength: MAX_TEXT, default: "" },
  } satisfies Record<(typeof FIELD_KEYS)[number], JsonSchema>,
};

const fields = (description: string): JsonSchema => ({
  type: "array",
  maxItems: MAX_FIELDS,
  items: { $ref: "#/$defs/field" },
  description,
});

/** One object per answer kind, with exactly the keys validate.ts reads for it. */
const LEADER_SAFETY_PROPERTIES: Readonly<Record<string, JsonSchema>> = {
  shape: { enum: CONVERGENT_SHAPES, default: "read-only" },
  field: {
    type: "string",
    pattern: FIELD_NAME.source,
    description: "A string or bytes request field that carries the idempotency key.",
  },
};

const leaderSafety: JsonSchema = {
  description:
    "For person-data writes (routed to the leader, which may receive a write more than once): how the write converges, or which request field is its idempotency key.",
  default: EMPTY_DESIGN.leaderSafety,
  oneOf: Object.entries(LEADER_SAFETY_KEYS).map(([kind, keys]) => ({
    type: "object",
    additionalProperties: false,
    required: ["kind"],
    properties: {
      kind: { const: kind },
      ...Object.fromEntries(keys.map((key) => [key, LEADER_SAFETY_PROPERTIES[key]])),
    },
  })),
};

const response: JsonSchema = {
  description: "A new response message with its fields, or a response message other RPCs share.",
  default: EMPTY_DESIGN.response,
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      required: ["kind"],
      properties: { kind: { const: "new" }, fields: fields("The response message's fields.") },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["kind", "name"],
      properties: { kind: { const: "shared" }, name: { enum: Object.keys(SHARED_RESPONSES) } },
    },
  ],
};

/** Every key is optional: a missing one takes the empty design's value (shown as `default`). */
/** A field chosen from a fixed list: its options, and the empty design's value as the default. */
const choice = (field: ChoiceField): JsonSchema => ({
  enum: DESIGN_CHOICES[field],
  default: EMPTY_DESIGN[field],
});

export function designJsonSchema(): JsonSchema {
  const d = EMPTY_DESIGN;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "personhog RPC design",
    description:
      "One new personhog RPC, as the workbench, `personhog-rpc generate` and share links read it.",
    type: "object",
    additionalProperties: false,
    properties: {
      target: {
        ...choice("target"),
        description: `current (the default): PostHog's code today, which a change lands in; guide: the layout the written guide describes, ${GUIDE_ERA}.`,
      },
      rpcName: {
        type: "string",
        pattern: PASCAL_CASE.source,
        maxLength: MAX_RPC_NAME_LENGTH,
        not: { pattern: "(Request|Response)$" },
        description: "PascalCase, new in PersonHogService (GetPersonCount).",
      },
      domain: {
        ...choice("domain"),
        description: "The proto file its messages go in.",
      },
      tables: {
        type: "array",
        maxItems: MAX_TABLES,
        uniqueItems: true,
        items: { enum: PERSONHOG_TABLES.map((t) => t.name) },
        default: d.tables,
        description: "The personhog tables the RPC reads or writes.",
      },
      categoryOverride: {
        enum: [...DATA_CATEGORIES, null],
        default: d.categoryOverride,
        description: "Only for tables of both categories: which one the RPC belongs to.",
      },
      operation: choice("operation"),
      consistency: choice("consistency"),
      batch: choice("batch"),
      sql: {
        type: "string",
        maxLength: MAX_SQL_LENGTH,
        default: d.sql,
        description: "The one statement the storage method runs, with $1, $2… parameters.",
      },
      request: fields("The request message's fields; team_id first by habit."),
      readOptions: {
        type: "boolean",
        default: d.readOptions,
        description: "Reads that need consistency control carry ReadOptions read_options last.",
      },
      response,
      leaderSafety,
      personWriteBackend: {
        ...choice("personWriteBackend"),
        description:
          "For person-data writes on the current target: served by the replica on its primary pool (today's practice, a temporary measure) or by the leader. The guide target always uses the leader.",
      },
      nodeLayout: {
        ...choice("nodeLayout"),
        description: "Which Node layout the checkout has (current target only).",
      },
    },
    $defs: { field },
  };
}
