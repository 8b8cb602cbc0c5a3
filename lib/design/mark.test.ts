import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { MARKS, markOfProblem, markOfSql, worstMark, type Mark } from "./mark";
import { NO_SQL, UNCHECKED_SQL, summarizeSql } from "../sql/summary";
import { CHECK_STATUSES } from "../sql/verdict";

describe("marks", () => {
  it("orders failed, then not checked yet, then a warning, then a pass", () => {
    assert.equal(worstMark([]), "pass");
    assert.equal(worstMark(["pass", "warning"]), "warning");
    assert.equal(worstMark(["warning", "unchecked"]), "unchecked");
    assert.equal(worstMark(["unchecked", "failed", "pass"]), "failed");
  });

  it("takes the worst of any marks whatever their order, and never invents one", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKS)), (marks: Mark[]) => {
        const worst = worstMark(marks);
        assert.equal(worstMark([...marks].reverse()), worst);
        assert.ok(marks.length === 0 ? worst === "pass" : marks.includes(worst));
        if (marks.includes("failed")) assert.equal(worst, "failed");
        if (worst === "pass") assert.ok(marks.every((m) => m === "pass"));
      }),
    );
  });

  it("makes a warning a reviewer's question and an error a failure", () => {
    assert.equal(markOfProblem({ path: "", severity: "warning", message: "x" }), "warning");
    assert.equal(markOfProblem({ path: "", severity: "error", message: "x" }), "failed");
  });

  it("fails an error and a statement that checked nothing; passes only a pass", () => {
    const marks = CHECK_STATUSES.map((status) => markOfSql({ status, reasons: [], facts: null }));
    assert.deepEqual(marks, ["pass", "warning", "failed", "failed"]);
    assert.equal(markOfSql(UNCHECKED_SQL), "unchecked");
  });

  it("treats a design without SQL as nothing checked (a failure), not as waiting for the lab", () => {
    const none = summarizeSql("  \n", null);
    assert.equal(none.status, "nothing-checked");
    assert.deepEqual(none.reasons, [NO_SQL]);
    assert.equal(markOfSql(none), "failed");
    assert.equal(summarizeSql("SELECT 1", null).status, "unchecked");
  });

  it("keeps the reason a statement did not plan", () => {
    const failed = summarizeSql("SELEC 1", {
      ok: false,
      error: { message: 'syntax error at or near "SELEC"', position: 1 },
      ms: 1,
    });
    assert.equal(failed.status, "error");
    assert.match(failed.reasons[0] ?? "", /could not plan it: syntax error/);
    assert.equal(failed.facts, null);
  });
});
