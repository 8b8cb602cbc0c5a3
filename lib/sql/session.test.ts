import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sharedLabDatabase } from "./test-lab";
import { checkSql, type SqlDatabase } from "./session";
import { CORPUS } from "./corpus";

/** Counts round trips to the database. */
function counted(db: SqlDatabase): { db: SqlDatabase; trips: () => number } {
  let trips = 0;
  return {
    db: {
      query: (sql, params) => {
        trips++;
        return db.query(sql, params);
      },
      execProtocol: (message, options) => {
        trips++;
        return db.execProtocol(message, options);
      },
    },
    trips: () => trips,
  };
}

const getLab = sharedLabDatabase();

describe("checkSql on the lab database", () => {
  it("flags a sequential scan when no index serves the predicate", async () => {
    const result = await checkSql(
      getLab().db,
      getLab().ctx,
      "SELECT * FROM posthog_persondistinctid WHERE version = 3",
    );
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.status, "error");
    assert.equal(result.verdicts[0]?.rule, "seq-scan");
    assert.equal(result.verdicts[0]?.table, "posthog_persondistinctid");
  });

  it("passes a lookup through the unique distinct-id index", async () => {
    const result = await checkSql(
      getLab().db,
      getLab().ctx,
      "SELECT person_id FROM posthog_persondistinctid WHERE team_id = 2 AND distinct_id = 'abc';",
    );
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.status, "pass");
    assert.ok(result.verdicts.every((v) => v.severity === "info"));
  });

  it("folds person partitions and their indexes back into schema names", async () => {
    const result = await checkSql(
      getLab().db,
      getLab().ctx,
      "SELECT * FROM posthog_person WHERE team_id = 7 AND id = 3",
    );
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(
      result.verdicts.map((v) => v.table),
      ["posthog_person"],
    );
    assert.doesNotMatch(result.verdicts[0]?.index ?? "", /_p\d+_/);
  });

  it("refuses two statements and leaves the schema intact", async () => {
    const result = await checkSql(getLab().db, getLab().ctx, "SELECT 1; DROP TABLE posthog_group");
    assert.equal(result.ok, false);
    const still = await getLab().db.query("SELECT count(*) FROM posthog_group");
    assert.equal(still.rows.length, 1);
  });

  it("checks every corpus query in one round trip", async () => {
    for (const q of CORPUS) {
      const probe = counted(getLab().db);
      const result = await checkSql(probe.db, getLab().ctx, q.sql);
      assert.equal(result.ok, true, q.sql);
      assert.equal(probe.trips(), 1, `more than one round trip: ${q.sql}`);
    }
  });

  it("recovers from a wrong guess of a value with a second round trip", async () => {
    const probe = counted(getLab().db);
    // COALESCE hides the uuid column from the guess, so '2' is tried first and refused.
    const result = await checkSql(
      probe.db,
      getLab().ctx,
      "SELECT id FROM posthog_person WHERE team_id = $1 AND uuid = COALESCE($2, gen_random_uuid())",
    );
    assert.equal(result.ok, true);
    assert.equal(probe.trips(), 2);
    if (!result.ok) return;
    assert.equal(result.status, "pass");
  });

  it("refuses statements that have no plan, and runs none of them", async () => {
    for (const sql of [
      "DROP TABLE posthog_group",
      "COMMIT",
      "VACUUM posthog_group",
      "SET enable_seqscan = on",
      "NOTIFY workbench",
    ]) {
      const result = await checkSql(getLab().db, getLab().ctx, sql);
      assert.equal(result.ok, false, sql);
      if (result.ok) continue;
      assert.match(result.error.message, /Only SELECT, INSERT, UPDATE, DELETE and MERGE/, sql);
    }
    const still = await getLab().db.query("SELECT count(*) FROM posthog_group");
    assert.equal(still.rows.length, 1);
  });

  it("refuses a NUL character before anything is sent", async () => {
    const probe = counted(getLab().db);
    const result = await checkSql(probe.db, getLab().ctx, "SELECT 1\0\0\u0001\0\0");
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /NUL character/);
    assert.equal(probe.trips(), 0);
  });

  it("reports a syntax error with its position in the user's text", async () => {
    const result = await checkSql(getLab().db, getLab().ctx, "  SELEC * FROM posthog_group");
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /syntax error/);
    assert.equal(result.error.position, 3);
  });

  it("says a table outside personhog is not eligible", async () => {
    const result = await checkSql(
      getLab().db,
      getLab().ctx,
      "SELECT * FROM posthog_personoverridemapping WHERE team_id = 1 AND uuid = gen_random_uuid()",
    );
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.verdicts[0]?.rule, "not-eligible");
  });

  it("leaves no transaction, prepared statement or planner setting behind, even after an error", async () => {
    const { db, ctx } = getLab();
    for (const sql of [
      "SELECT * FROM posthog_person WHERE team_id = $1 AND id = $2",
      "SELECT * FROM posthog_person WHERE team_id = $1 AND nope = $2",
      "DELETE FROM posthog_group WHERE team_id = 1",
    ]) {
      await checkSql(db, ctx, sql);
      const { rows } = await db.query<{ prepared: number; seqscan: string }>(
        `SELECT (SELECT count(*)::int FROM pg_prepared_statements) AS prepared,
                current_setting('enable_seqscan') AS seqscan`,
      );
      assert.deepEqual(rows[0], { prepared: 0, seqscan: "on" }, sql);
      // Outside a transaction every statement gets its own transaction id.
      const xid = "SELECT pg_current_xact_id()::text AS id";
      const first = await db.query<{ id: string }>(xid);
      const second = await db.query<{ id: string }>(xid);
      assert.notEqual(first.rows[0]?.id, second.rows[0]?.id, `still in a transaction: ${sql}`);
    }
  });
});
