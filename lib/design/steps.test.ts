import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "./defaults";
import { designProblems } from "./rules";
import { stepOfProblem, stepStates } from "./steps";
import { UNCHECKED_SQL, type SqlSummary } from "../sql/summary";
import type { SqlStatus } from "../sql/verdict";

/** A check's summary; a statement that planned has facts (they agree with any design here). */
const sql = (status: Exclude<SqlStatus, "unchecked">): SqlSummary => ({
  status,
  reasons: status === "pass" ? [] : ["why"],
  facts:
    status === "error"
      ? null
      : {
          statement: { kind: "read", operation: "select", locking: false, target: null },
          tables: [],
          params: [],
        },
});

describe("stepStates", () => {
  it("passes every step of the worked example once its SQL passes", () => {
    const states = stepStates(designProblems(WORKED_EXAMPLE), sql("pass"), true);
    assert.deepEqual(Object.values(states), ["pass", "pass", "pass", "pass", "pass", "pass"]);
  });

  it("shows not checked yet, never a warning or a pass, where the lab has still to answer", () => {
    const states = stepStates(designProblems(WORKED_EXAMPLE), UNCHECKED_SQL, true);
    assert.deepEqual(states, {
      eligibility: "unchecked",
      access: "unchecked",
      proto: "pass",
      clients: "pass",
      rust: "unchecked",
      verify: "unchecked",
    });
  });

  it("puts a table outside personhog on eligibility and carries it to verify", () => {
    const states = stepStates(
      designProblems({ ...WORKED_EXAMPLE, tables: ["posthog_team"] }),
      sql("pass"),
      true,
    );
    assert.equal(states.eligibility, "failed");
    assert.equal(states.proto, "pass");
    assert.equal(states.verify, "failed");
  });

  it("leaves Eligibility and Rust not checked while the SQL does not plan: the agreement is unknown", () => {
    const states = stepStates([], sql("error"), true);
    assert.equal(states.eligibility, "unchecked");
    assert.equal(states.rust, "unchecked");
    assert.equal(states.verify, "failed");
  });

  it("marks the access step from the SQL lab: a warning asks the reviewer, an error or nothing checked fails", () => {
    assert.equal(stepStates([], sql("warning"), true).access, "warning");
    assert.equal(stepStates([], sql("warning"), true).verify, "warning");
    assert.equal(stepStates([], sql("error"), true).access, "failed");
    assert.equal(stepStates([], sql("nothing-checked"), true).access, "failed");
  });

  it("fails the code steps while there is no valid name", () => {
    const states = stepStates(
      designProblems({ ...WORKED_EXAMPLE, rpcName: "" }),
      sql("pass"),
      false,
    );
    assert.equal(states.proto, "failed");
    assert.equal(states.clients, "failed");
  });

  it("routes problems by the field they point at, and a bind of $n to the Rust", () => {
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
    assert.equal(
      stepOfProblem({ path: "request.0.type", severity: "error", message: "x", rule: "sql-binds" }),
      "rust",
    );
  });
});
