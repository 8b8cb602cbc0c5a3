import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE, field } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import type { Design } from "./model";
import { designProblems } from "./rules";

const rulesOf = (design: Design) => designProblems(design).map((p) => `${p.severity}:${p.rule}`);

describe("designProblems", () => {
  it("finds nothing wrong with the fixtures", () => {
    for (const [name, design] of Object.entries(DESIGN_FIXTURES))
      assert.deepEqual(designProblems(design), [], name);
  });

  // Alike on purpose: a case table kept in TypeScript, so each change is a checked Partial<Design>.
  const cases: [string, Partial<Design>, string][] = [
    ["an existing RPC name", { rpcName: "GetPerson" }, "error:rpc-naming"],
    ["a snake_case name", { rpcName: "get_person_count" }, "error:rpc-naming"],
    ["an acronym in capitals", { rpcName: "GetPersonsByUUIDs" }, "warning:rpc-naming"],
    ["a table outside personhog", { tables: ["posthog_team"] }, "error:eligibility"],
    [
      "mixed categories without a choice",
      { tables: ["posthog_person", "posthog_group"] },
      "error:mixed-categories",
    ],
    [
      "JSON as string",
      { request: [field("team_id", "int64"), field("properties", "string")] },
      "error:json-as-bytes",
    ],
    [
      "an id as int32",
      { request: [field("team_id", "int64"), field("person_id", "int32")] },
      "warning:int64-ids",
    ],
    [
      "team_id not first",
      { request: [field("person_id", "int64"), field("team_id", "int64")] },
      "warning:team-id-first",
    ],
    [
      "a field name that is not snake_case",
      { request: [field("team_id", "int64"), field("x}\nfn pwned(){}", "int64")] },
      "error:field-names",
    ],
    [
      "a type the workbench does not know",
      { request: [field("team_id", "int64"), field("widget", "Widget")] },
      "error:field-types",
    ],
    [
      "two names JSON spells the same",
      { request: [field("team_id", "int64"), field("x_1", "int64"), field("x1", "int64")] },
      "error:unique-fields",
    ],
    [
      "two names prost spells the same",
      { request: [field("team_id", "int64"), field("self", "int64"), field("self_", "int64")] },
      "error:unique-fields",
    ],
    [
      "two request fields the TypeScript wrapper names the same",
      {
        request: [
          field("team_id", "int64"),
          field("delete", "int64"),
          field("delete_value", "int64"),
        ],
      },
      "error:unique-fields",
    ],
    ["an RPC name that is a Rust keyword in snake_case", { rpcName: "Type" }, "error:rpc-naming"],
    [
      "a documented cap too large to enforce",
      {
        request: [
          field("team_id", "int64"),
          field("limit", "int32", { comment: "Max 99999999999 per request" }),
        ],
      },
      "warning:documented-cap",
    ],
    [
      "read_options declared by hand",
      { request: [field("team_id", "int64"), field("read_options", "int64")] },
      "error:read-options-last",
    ],
    [
      "a write with read options",
      { operation: "write", leaderSafety: { kind: "convergent", shape: "tombstone-delete" } },
      "error:read-options-last",
    ],
    [
      "a person write with no at-least-once answer",
      { operation: "write", readOptions: false, personWriteBackend: "leader" },
      "error:leader-at-least-once",
    ],
    [
      "a person write that neither converges nor has a key",
      {
        operation: "write",
        readOptions: false,
        personWriteBackend: "leader",
        leaderSafety: { kind: "neither" },
      },
      "error:leader-at-least-once",
    ],
    [
      "an idempotency key that is not a field",
      {
        operation: "write",
        readOptions: false,
        personWriteBackend: "leader",
        leaderSafety: { kind: "idempotency-key", field: "op_id" },
      },
      "error:leader-at-least-once",
    ],
    [
      "a guide-target leader write that names no person",
      {
        target: "guide",
        operation: "write",
        readOptions: false,
        leaderSafety: { kind: "convergent", shape: "tombstone-delete" },
      },
      "error:leader-person-key",
    ],
    [
      "a current-target leader write that names no person",
      {
        operation: "write",
        readOptions: false,
        personWriteBackend: "leader",
        leaderSafety: { kind: "convergent", shape: "tombstone-delete" },
      },
      "warning:leader-person-key",
    ],
    [
      "optional and repeated",
      {
        request: [
          field("team_id", "int64"),
          field("ids", "int64", { optional: true, repeated: true }),
        ],
      },
      "error:proto3",
    ],
    [
      "a strong person read on current code",
      { target: "current", consistency: "strong" },
      "warning:strong-reads",
    ],
  ];
  for (const [what, change, expected] of cases) {
    it(`flags ${what}`, () => {
      assert.ok(
        rulesOf({ ...WORKED_EXAMPLE, ...change }).includes(expected),
        rulesOf({ ...WORKED_EXAMPLE, ...change }).join(", "),
      );
    });
  }

  it("asks for a category only when personhog tables of both categories have none chosen", () => {
    const rules = (change: Partial<Design>) =>
      designProblems({ ...WORKED_EXAMPLE, ...change }).map((p) => p.rule);
    const mixed = ["posthog_person", "posthog_group"];
    assert.ok(rules({ tables: mixed }).includes("mixed-categories"));
    assert.ok(
      !rules({ tables: mixed, categoryOverride: "NonPersonData" }).includes("mixed-categories"),
    );
    const withOutside = rules({ tables: [...mixed, "posthog_team"] });
    assert.ok(withOutside.includes("eligibility") && !withOutside.includes("mixed-categories"));
  });

  it("accepts an idempotency key that is a string request field", () => {
    const design: Design = {
      ...WORKED_EXAMPLE,
      operation: "write",
      readOptions: false,
      request: [field("team_id", "int64"), field("operation_id", "string")],
      leaderSafety: { kind: "idempotency-key", field: "operation_id" },
    };
    assert.deepEqual(rulesOf(design), []);
  });
});
