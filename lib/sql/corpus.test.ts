import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sharedLabDatabase } from "./test-lab";
import { fixesOf, tryFix } from "./try-fix";
import { CORPUS, type CorpusQuery } from "./corpus";
import { checkSql, type CheckResult } from "./session";
import { RULES } from "./rules";
import { SEVERITIES } from "./verdict";

const getLab = sharedLabDatabase();

type Checked = Extract<CheckResult, { ok: true }>;

function summaryOf(result: Checked): string {
  return JSON.stringify(result.verdicts.map((v) => [v.severity, v.rule, v.table, v.index]));
}

function checkIndexes(query: CorpusQuery, result: Checked, summary: string) {
  for (const [table, index] of Object.entries(query.indexes ?? {})) {
    const named = result.verdicts.filter(
      (v) => v.table === table && v.rule !== "index-only" && v.rule !== "runtime-pruning",
    );
    assert.ok(named.length > 0, `no verdict for ${table}: ${summary}`);
    assert.ok(
      named.some((v) => v.index === index),
      `${table} should use ${index}: ${summary}`,
    );
  }
}

function checkWording(query: CorpusQuery, result: Checked) {
  const text = result.verdicts
    .flatMap((v) => [v.message, v.advice, ...v.fixes.map((f) => f.sentence)])
    .join("\n");
  for (const phrase of query.says ?? [])
    assert.ok(text.includes(phrase), `says ${phrase}: ${text}`);
  for (const phrase of query.neverSays ?? []) {
    assert.ok(!text.includes(phrase), `never says ${phrase}: ${text}`);
  }
  for (const [table, kind] of Object.entries(query.rows ?? {})) {
    const lookups = result.verdicts.filter((v) => v.rule === "index-lookup" && v.table === table);
    assert.ok(lookups.length > 0, `no lookup of ${table}`);
    for (const v of lookups) assert.equal(v.rows?.kind, kind, `${table}: ${v.message}`);
  }
  for (const severity of SEVERITIES) {
    const expected = query.counts?.[severity];
    if (expected === undefined) continue;
    const actual = result.verdicts.filter((v) => v.severity === severity).length;
    assert.equal(actual, expected, `${severity} verdicts: ${summaryOf(result)}`);
  }
}

async function checkFixes(query: CorpusQuery, result: Checked) {
  if (!query.fixes) return;
  const fixes = fixesOf(result);
  assert.deepEqual(
    fixes.map((f) => [f.kind, f.uses]),
    query.fixes.map((f) => [f.kind, f.uses]),
    JSON.stringify(fixes.map((f) => f.sentence)),
  );
  for (const [i, fix] of fixes.entries()) {
    const after = await tryFix(getLab().db, getLab().ctx, fix);
    assert.ok(after.ok, after.ok ? "" : `${fix.sql}: ${after.error.message}`);
    assert.equal(after.status, query.fixes[i]?.tries, `${fix.kind} → ${fix.sql}`);
  }
}

describe("the check over every replica query and each rule's bad query", () => {
  for (const query of CORPUS) {
    it(query.id, async () => {
      const result = await checkSql(getLab().db, getLab().ctx, query.sql);
      assert.ok(result.ok, result.ok ? "" : result.error.message);
      const summary = summaryOf(result);
      assert.equal(result.status, query.status, summary);
      for (const rule of query.rules ?? []) {
        assert.ok(
          result.verdicts.some((v) => v.rule === rule),
          `missing ${rule}: ${summary}`,
        );
      }
      checkIndexes(query, result, summary);
      checkWording(query, result);
      await checkFixes(query, result);
      if (query.kind) assert.equal(result.statement.kind, query.kind);
    });
  }
});

describe("the corpus itself", () => {
  it("proves every rule on at least one query", () => {
    const proven = new Set(CORPUS.flatMap((q) => q.rules ?? []));
    const unproven = RULES.map((rule) => rule.id).filter((id) => !proven.has(id));
    assert.deepEqual(unproven, []);
  });

  it("has unique ids", () => {
    assert.equal(new Set(CORPUS.map((q) => q.id)).size, CORPUS.length);
  });
});
