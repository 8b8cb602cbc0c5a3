import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "./defaults";
import { designProblems } from "./rules";
import { stepOfProblem, stepStates } from "./steps";

describe("stepStates", () => {
  it("is all ok for the worked example once its SQL passes", () => {
    const states = stepStates(designProblems(WORKED_EXAMPLE), "pass", true);
    assert.deepEqual(Object.values(states), ["ok", "ok", "ok", "ok", "ok", "ok"]);
  });

  it("puts a table outside personhog on eligibility and carries it to verify", () => {
    const states = stepStates(
      designProblems({ ...WORKED_EXAMPLE, tables: ["posthog_team"] }),
      "pass",
      true,
    );
    assert.equal(states.eligibility, "error");
    assert.equal(states.proto, "ok");
    assert.equal(states.verify, "error");
  });

  it("marks the access step from the SQL verdict: unchecked is a warning, a seq scan an error", () => {
    assert.equal(stepStates([], "unchecked", true).access, "warning");
    assert.equal(stepStates([], "error", true).access, "error");
  });

  it("marks the code steps as errors while there is no valid name", () => {
    const states = stepStates(designProblems({ ...WORKED_EXAMPLE, rpcName: "" }), "pass", false);
    assert.equal(states.proto, "error");
    assert.equal(states.clients, "error");
  });

  it("routes problems by the field they point at", () => {
    assert.equal(
      stepOfProblem({ path: "leaderSafety", severity: "error", message: "x" }),
      "eligibility",
    );
    assert.equal(
      stepOfProblem({ path: "consistency", severity: "warning", message: "x" }),
      "access",
    );
    assert.equal(
      stepOfProblem({ path: "request.1.type", severity: "error", message: "x" }),
      "proto",
    );
  });
});
