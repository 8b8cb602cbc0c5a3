import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Fix, Verdict } from "../verdict";
import { oneMessagePerFinding } from "./one-finding";

function verdict(over: Partial<Verdict>): Verdict {
  return {
    severity: "info",
    rule: "index-lookup",
    table: "posthog_person",
    aliases: ["p"],
    index: "posthog_person_new_pkey",
    matched: ["team_id"],
    filtered: [],
    message:
      "posthog_person is looked up through posthog_person_new_pkey on `team_id`: an index range.",
    advice: "",
    fixes: [],
    nodeIds: [1],
    ...over,
  };
}

const fix: Fix = {
  kind: "new-index",
  sentence: "Propose a new index.",
  table: "posthog_person",
  alias: "p",
  sql: "SELECT 1",
  ddl: "CREATE INDEX x ON posthog_person (team_id)",
};

describe("oneMessagePerFinding", () => {
  it("drops the lookup and index-only infos of a relation that has a warning or error", () => {
    const warning = verdict({ severity: "warning", rule: "broad-index-prefix", message: "broad" });
    const out = oneMessagePerFinding([
      warning,
      verdict({}),
      verdict({ rule: "index-only", message: "only" }),
    ]);
    assert.deepEqual(out, [warning]);
  });

  it("keeps infos about other relations, and runtime pruning", () => {
    const warning = verdict({ severity: "warning", rule: "broad-index-prefix", message: "broad" });
    const other = verdict({ aliases: ["d"], table: "posthog_persondistinctid" });
    const pruning = verdict({ rule: "runtime-pruning", message: "pruned at run time" });
    assert.deepEqual(oneMessagePerFinding([warning, other, pruning]), [warning, other, pruning]);
  });

  it("folds the same finding on several references into one, with every alias, node and fix", () => {
    const out = oneMessagePerFinding([
      verdict({ aliases: ["p2"], nodeIds: [2], fixes: [fix] }),
      verdict({ aliases: ["p3"], nodeIds: [3], fixes: [{ ...fix, alias: "p3" }] }),
      verdict({ aliases: ["p4"], nodeIds: [4] }),
    ]);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0]?.aliases, ["p2", "p3", "p4"]);
    assert.deepEqual(out[0]?.nodeIds, [2, 3, 4]);
    assert.equal(out[0]?.fixes.length, 1, "one trial for the same statement and index");
  });
});
