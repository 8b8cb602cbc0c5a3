import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { bootLab, type LabDatabase } from "./boot";
import { CORPUS } from "./corpus";
import { checkSql } from "./session";

let lab: LabDatabase;
before(async () => {
  lab = await bootLab();
});
after(async () => {
  await lab.db.close();
});

describe("the check over every replica query and each rule's bad query", () => {
  for (const query of CORPUS) {
    it(query.id, async () => {
      const result = await checkSql(lab.db, lab.ctx, query.sql);
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
