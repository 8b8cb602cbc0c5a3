import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { missingTargetProblem } from "./default-target";
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
