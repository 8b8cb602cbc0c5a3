import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { DOMAINS } from "../catalogue/domains";
import { SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { PERSONHOG_TABLES } from "../catalogue/tables";
import { WORKED_EXAMPLE } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import { designJsonSchema, type JsonSchema } from "./json-schema";
import { schemaViolations } from "./schema-check";
import {
  BATCH_SCOPES,
  CONSISTENCIES,
  CONVERGENT_SHAPES,
  NODE_LAYOUTS,
  PERSON_WRITE_BACKENDS,
  OPERATIONS,
  TARGETS,
} from "./model";
import { validateDesign } from "./validate";

const SCHEMA = designJsonSchema();

const property = (name: string) => (SCHEMA.properties as Record<string, JsonSchema>)[name]!;

describe("the design's JSON Schema", () => {
  it("takes its enums from the model and the catalogue", () => {
    assert.deepEqual(property("target").enum, TARGETS);
    assert.deepEqual(property("domain").enum, DOMAINS);
    assert.deepEqual(property("operation").enum, OPERATIONS);
    assert.deepEqual(property("consistency").enum, CONSISTENCIES);
    assert.deepEqual(property("batch").enum, BATCH_SCOPES);
    assert.deepEqual(property("nodeLayout").enum, NODE_LAYOUTS);
    assert.deepEqual(property("personWriteBackend").enum, PERSON_WRITE_BACKENDS);
    assert.equal(property("personWriteBackend").default, "replica");
    assert.deepEqual(
      (property("tables").items as JsonSchema).enum,
      PERSONHOG_TABLES.map((t) => t.name),
    );
    const [, shared] = property("response").oneOf as JsonSchema[];
    assert.deepEqual(
      ((shared!.properties as Record<string, JsonSchema>).name as JsonSchema).enum,
      Object.keys(SHARED_RESPONSES),
    );
    const kinds = (property("leaderSafety").oneOf as JsonSchema[]).map(
      (s) => ((s.properties as Record<string, JsonSchema>).kind as JsonSchema).const,
    );
    assert.deepEqual(kinds, ["unanswered", "convergent", "idempotency-key", "neither"]);
    const convergent = (property("leaderSafety").oneOf as JsonSchema[])[1]!;
    assert.deepEqual(
      ((convergent.properties as Record<string, JsonSchema>).shape as JsonSchema).enum,
      CONVERGENT_SHAPES,
    );
  });

  it("accepts every fixture and the worked example", () => {
    for (const design of [WORKED_EXAMPLE, ...Object.values(DESIGN_FIXTURES)])
      assert.deepEqual(schemaViolations(SCHEMA, JSON.parse(JSON.stringify(design))), []);
  });

  it("refuses what the generators would refuse, naming where", () => {
    const bad = (patch: Record<string, unknown>) =>
      schemaViolations(SCHEMA, { ...JSON.parse(JSON.stringify(WORKED_EXAMPLE)), ...patch });
    assert.deepEqual(bad({ rpcName: "get_person_count" }), [
      "$.rpcName: does not match ^[A-Z][A-Za-z0-9]*$",
    ]);
    assert.deepEqual(bad({ rpcName: "GetPersonCountResponse" }), [
      "$.rpcName: matches what is excluded",
    ]);
    assert.deepEqual(bad({ tables: ["posthog_team"] }), ["$.tables[0]: not one of the enum"]);
    assert.deepEqual(bad({ rpcname: "X" }), ["$.rpcname: unknown"]);
    assert.deepEqual(bad({ response: { kind: "shared", name: "Nope" } }), [
      "$.response: matches 0 of oneOf",
    ]);
    assert.deepEqual(bad({ request: [{ name: "Team", type: "uuid" }] }), [
      "$.request[0].name: does not match ^[a-z][a-z0-9_]{0,63}$",
      "$.request[0].type: not one of the enum",
    ]);
  });

  it("only accepts what validateDesign reads without a problem (random designs)", () => {
    const text = fc.oneof(
      fc.constantFrom("", "team_id", "GetThing", "Get_Thing", "x".repeat(600)),
      fc.string({ maxLength: 12 }),
    );
    const anything = fc.oneof(text, fc.boolean(), fc.integer(), fc.constant(null), fc.constant([]));
    /** Mostly a valid value, sometimes anything: most designs should pass, many should not. */
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anything, weight: 1 });
    const field = fc.record(
      {
        name: mostly(fc.constantFrom("team_id", "count", "person_ids", "Team")),
        type: mostly(fc.constantFrom("int64", "string", "Person", "Nope")),
        optional: mostly(fc.boolean()),
        repeated: mostly(fc.boolean()),
        comment: text,
      },
      { requiredKeys: [] },
    );
    const pickOr = <T>(options: readonly T[]) => mostly(fc.constantFrom(...options));
    const design = fc.record(
      {
        target: pickOr(TARGETS),
        rpcName: mostly(fc.constantFrom("GetThingCount", "ListThings", "get_thing")),
        domain: pickOr(DOMAINS),
        tables: mostly(fc.array(pickOr(PERSONHOG_TABLES.map((t) => t.name)), { maxLength: 3 })),
        categoryOverride: pickOr(["PersonData", "NonPersonData", null]),
        operation: pickOr(OPERATIONS),
        consistency: pickOr(CONSISTENCIES),
        batch: pickOr(BATCH_SCOPES),
        sql: text,
        request: mostly(fc.array(field, { maxLength: 3 })),
        readOptions: mostly(fc.boolean()),
        response: fc.oneof(
          fc.record({ kind: fc.constant("new"), fields: fc.array(field, { maxLength: 2 }) }),
          fc.record({ kind: fc.constant("shared"), name: pickOr(Object.keys(SHARED_RESPONSES)) }),
          anything,
        ),
        leaderSafety: fc.oneof(
          fc.record({ kind: fc.constant("convergent"), shape: pickOr(CONVERGENT_SHAPES) }),
          fc.record({ kind: fc.constant("idempotency-key"), field: text }),
          fc.record({ kind: pickOr(["unanswered", "neither", "other"]) }),
        ),
        personWriteBackend: pickOr(PERSON_WRITE_BACKENDS),
        nodeLayout: pickOr(NODE_LAYOUTS),
      },
      { requiredKeys: [] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(design, (input) => {
        if (schemaViolations(SCHEMA, input).length > 0) return;
        accepted++;
        assert.deepEqual(validateDesign(input).problems, [], JSON.stringify(input));
      }),
      { numRuns: 3000 },
    );
    // The property means something only if many random designs pass the schema.
    assert.ok(accepted > 50, `only ${accepted} random designs passed the schema`);
  });
});
