import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sharedLabDatabase } from "./test-lab";
import { CORPUS } from "./corpus";
import { checkSql } from "./session";

const getLab = sharedLabDatabase();

describe("the check over every replica query and each rule's bad query", () => {
  for (const query of CORPUS) {
    it(query.id, async () => {
      const result = await checkSql(getLab().db, getLab().ctx, query.sql);
      assert.ok(result.ok, result.ok ? "" : result.error.message);
      const summary = JSON.stringify(
        result.verdicts.map((v) => [v.severity, v.rule, v.table, v.index]),
      );
      assert.equal(result.status, query.status, summary);
      for (const rule of query.rules ?? []) {
        assert.ok(
          result.verdicts.some((v) => v.rule === rule),
          `missing ${rule}: ${summary}`,
        );
      }
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
      if (query.kind) assert.equal(result.statement.kind, query.kind);
    });
  }
});
