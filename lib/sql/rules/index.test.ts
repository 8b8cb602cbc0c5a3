import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { analyzePlan } from "../analyze";
import type { PlanNode } from "../plan";
import { SEVERITIES } from "../verdict";
import { RULES, RULES_BY_SCOPE } from "./index";

const isRule = (value: unknown): value is (typeof RULES)[number] =>
  typeof value === "object" &&
  value !== null &&
  "id" in value &&
  "scope" in value &&
  "check" in value;

describe("the rule registry", () => {
  it("names each rule once, in kebab-case, with a severity and a one-sentence summary", () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(SEVERITIES.includes(rule.severity), rule.id);
      assert.match(rule.summary, /^[A-Z`a-z].*\.$/, rule.id);
    }
  });

  it("holds every rule module of this folder, each in the file named by its id", async () => {
    const dir = import.meta.dirname;
    const found: [string, string][] = [];
    for (const file of readdirSync(dir).filter((f) => !f.endsWith(".test.ts"))) {
      const exports: Record<string, unknown> = await import(path.join(dir, file));
      for (const value of Object.values(exports).filter(isRule)) found.push([file, value.id]);
    }
    assert.deepEqual(found.sort(), RULES.map((r) => [`${r.id}.ts`, r.id]).sort());
  });

  it("runs every rule in exactly one scope, keeping the registry's order", () => {
    const byScope = Object.values(RULES_BY_SCOPE).flat();
    assert.deepEqual(byScope.map((r) => r.id).sort(), RULES.map((r) => r.id).sort());
    for (const [scope, rules] of Object.entries(RULES_BY_SCOPE)) {
      assert.deepEqual(
        rules,
        RULES.filter((r) => r.scope === scope),
      );
    }
  });
});

const node = (type: string, over: Partial<PlanNode> = {}): PlanNode => ({
  "Node Type": type,
  ...over,
});
const sortUnderLimit = (keys: string[], below: PlanNode): PlanNode =>
  node("Limit", { Plans: [node("Sort", { "Sort Key": keys, Plans: [below] })] });

describe("the analysis runs the registry", () => {
  it("judges nothing else once nothing-checked has spoken, not even a sort under a limit", () => {
    const plan = sortUnderLimit(['"*VALUES*".column1'], node("Values Scan"));
    const { verdicts } = analyzePlan(
      { Plan: plan },
      { indexParents: {} },
      "VALUES (2), (1) ORDER BY 1 LIMIT 1",
    );
    assert.deepEqual(
      verdicts.map((v) => v.rule),
      ["nothing-checked"],
    );
  });

  it("stamps each finding with its rule's id and severity, and a final relation rule ends that relation's look", () => {
    const scan = node("Seq Scan", {
      "Relation Name": "posthog_persondistinctid",
      Alias: "d",
      // team_id alone would give an index lookup on a broad key, version left to filter.
      Filter: "((team_id = 2) AND (version = 3))",
    });
    const sql =
      "SELECT d.id FROM posthog_persondistinctid d WHERE d.team_id = 2 AND d.version = 3 ORDER BY d.id LIMIT 1";
    const { verdicts } = analyzePlan(
      { Plan: sortUnderLimit(["d.id"], scan) },
      { indexParents: {} },
      sql,
    );
    assert.deepEqual(
      verdicts.map((v) => [v.severity, v.rule]),
      [
        ["error", "seq-scan"],
        ["warning", "sort-not-from-index"],
      ],
    );
    for (const v of verdicts) {
      assert.equal(v.severity, RULES.find((r) => r.id === v.rule)?.severity);
    }
  });
});
