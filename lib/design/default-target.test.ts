import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { missingPersonWriteSideProblem, missingTargetProblem } from "./default-target";
import { EMPTY_DESIGN, WORKED_EXAMPLE } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import { designJsonSchema } from "./json-schema";
import { validateDesign } from "./validate";

describe("the default target", () => {
  it("is today's code for a new design, the worked example and the schema", () => {
    assert.equal(EMPTY_DESIGN.target, "current");
    assert.equal(WORKED_EXAMPLE.target, "current");
    const target = (designJsonSchema().properties as Record<string, { default?: unknown }>).target;
    assert.equal(target?.default, "current");
  });

  it("is what a design without a target gets, and a warning says so", () => {
    const untargeted: Record<string, unknown> = { ...WORKED_EXAMPLE };
    delete untargeted.target;
    assert.equal(validateDesign(untargeted).design.target, "current");
    const note = missingTargetProblem(untargeted);
    assert.equal(note?.severity, "warning");
    assert.match(note?.message ?? "", /no target.*Current PostHog code.*"target": "guide"/);
  });

  it("says nothing when the design names its target, or is no object", () => {
    assert.equal(missingTargetProblem({ ...WORKED_EXAMPLE, target: "guide" }), null);
    assert.equal(missingTargetProblem([]), null);
    assert.equal(missingTargetProblem("x"), null);
  });
});

describe("a saved design's target", () => {
  it("survives the device's copy (JSON, then validateDesign, as the wizard reads it back)", () => {
    for (const [name, design] of Object.entries(DESIGN_FIXTURES))
      assert.equal(
        validateDesign(JSON.parse(JSON.stringify(design))).design.target,
        design.target,
        name,
      );
  });
});

describe("a current-target person write without a side", () => {
  const write = DESIGN_FIXTURES["person-delete-current"]!;
  const without = (design: object) =>
    Object.fromEntries(Object.entries(design).filter(([key]) => key !== "personWriteBackend"));

  it("gets the replica, and a warning says so and how to keep the leader", () => {
    const input = without(write);
    const { design } = validateDesign(input);
    assert.equal(design.personWriteBackend, "replica");
    const note = missingPersonWriteSideProblem(input, design);
    assert.equal(note?.severity, "warning");
    assert.match(
      note?.message ?? "",
      /names no personWriteBackend.*"personWriteBackend": "leader"/,
    );
  });

  it("says nothing when the side is named, the target is the guide's, or it is no person write", () => {
    assert.equal(missingPersonWriteSideProblem(write, write), null);
    const guide = { ...write, target: "guide" as const };
    assert.equal(missingPersonWriteSideProblem(without(guide), guide), null);
    assert.equal(missingPersonWriteSideProblem(without(WORKED_EXAMPLE), WORKED_EXAMPLE), null);
    assert.equal(missingPersonWriteSideProblem([], write), null);
  });
});
