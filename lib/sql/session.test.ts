import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sharedLabDatabase } from "./test-lab";
import { checkSql, type SqlDatabase } from "./session";
import { CORPUS } from "./corpus";
import { labFingerprint } from "./fingerprint";
import { concatBytes } from "../bytes";
import { parseMessage, runFixed, syncMessage } from "./wire";
import CASES from "./session.cases.json" with { type: "json" };

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

/**
 * Nested deeper than PGlite's parser goes on any thread's stack (the main thread fails from about
 * 300 levels, a worker thread later): it drops the Parse without an error.
 */
const DEEP = `SELECT ${"ROW(".repeat(3900)}1${")".repeat(3900)}`;

/** The type bytes of each message in a batch, and the text of each Parse (name, statement). */
function frames(batch: Uint8Array): { type: string; parse?: [string, string] }[] {
  const out: { type: string; parse?: [string, string] }[] = [];
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  for (let at = 0; at < batch.length; at += 1 + view.getInt32(at + 1)) {
    const type = String.fromCharCode(batch[at] ?? 0);
    const body = batch.subarray(at + 5, at + 1 + view.getInt32(at + 1));
    if (type !== "P") out.push({ type });
    else {
      const [name = "", text = ""] = new TextDecoder().decode(body).split("\0");
      out.push({ type, parse: [name, text] });
    }
  }
  return out;
}

/** Records every batch sent, decoded, and the replies' message names. */
function recorded(db: SqlDatabase) {
  const batches: { sent: ReturnType<typeof frames>; replies: string[] }[] = [];
  const probe: SqlDatabase = {
    query: (sql, params) => db.query(sql, params),
    execProtocol: async (message, options) => {
      const reply = await db.execProtocol(message, options);
      batches.push({ sent: frames(message), replies: reply.messages.map((m) => m.name) });
      return reply;
    },
  };
  return { probe, batches };
}

/** Checks `sql` on the lab database, asserting the check ran; returns its (narrowed) result. */
async function labCheck(sql: string) {
  const result = await checkSql(getLab().db, getLab().ctx, sql);
  assert.ok(result.ok, `not checked: ${sql}`);
  return result;
}

describe("checkSql on the lab database", () => {
  it("flags a sequential scan when no index serves the predicate", async () => {
    const result = await labCheck("SELECT * FROM posthog_persondistinctid WHERE version = 3");
    assert.equal(result.status, "error");
    assert.equal(result.verdicts[0]?.rule, "seq-scan");
    assert.equal(result.verdicts[0]?.table, "posthog_persondistinctid");
  });

  it("passes a lookup through the unique distinct-id index", async () => {
    const result = await labCheck(
      "SELECT person_id FROM posthog_persondistinctid WHERE team_id = 2 AND distinct_id = 'abc';",
    );
    assert.equal(result.status, "pass");
    assert.ok(result.verdicts.every((v) => v.severity === "info"));
  });

  it("folds person partitions and their indexes back into schema names", async () => {
    const result = await labCheck("SELECT * FROM posthog_person WHERE team_id = 7 AND id = 3");
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

  it("checks every corpus query in two round trips", async () => {
    for (const q of CORPUS) {
      const probe = counted(getLab().db);
      const result = await checkSql(probe.db, getLab().ctx, q.sql);
      assert.equal(result.ok, true, q.sql);
      assert.equal(probe.trips(), 2, `not two round trips: ${q.sql}`);
    }
  });

  it("gives each placeholder a value of the type the server described", async () => {
    // Nothing in the text says $2 is a uuid; the Describe does.
    const result = await labCheck(
      "SELECT id FROM posthog_person WHERE team_id = $1 AND uuid = COALESCE($2, gen_random_uuid())",
    );
    assert.equal(result.status, "pass");
  });

  it("refuses statements that have no plan, and runs none of them", async () => {
    for (const sql of CASES.noPlan) {
      const probe = counted(getLab().db);
      const result = await checkSql(probe.db, getLab().ctx, sql);
      assert.equal(probe.trips(), 0, sql);
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
    const sql = "  SELECT * FORM posthog_group";
    const result = await checkSql(getLab().db, getLab().ctx, sql);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /syntax error at or near "FORM"/);
    assert.equal(result.error.position, sql.indexOf("FORM") + 1);
  });

  it("names the unique keys when an ON CONFLICT target matches none", async () => {
    const sql =
      "INSERT INTO posthog_persondistinctid (team_id, distinct_id, person_id) VALUES ($1, $2, $3) ON CONFLICT (distinct_id) DO NOTHING";
    const result = await checkSql(getLab().db, getLab().ctx, sql);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /no unique or exclusion constraint matching/);
    assert.match(result.error.message, /are \(id\) and \(team_id, distinct_id\)/);
    // The hinted target is one the database accepts.
    const fixed = await checkSql(
      getLab().db,
      getLab().ctx,
      sql.replace("(distinct_id) DO", "(team_id, distinct_id) DO"),
    );
    assert.equal(fixed.ok && fixed.status, "pass");
  });

  it("says a table outside personhog is not eligible", async () => {
    const result = await labCheck(
      "SELECT * FROM posthog_personoverridemapping WHERE team_id = 1 AND uuid = gen_random_uuid()",
    );
    assert.equal(result.verdicts[0]?.rule, "not-eligible");
  });

  it("leaves no transaction, prepared statement or planner setting behind, even after an error", async () => {
    const { db, ctx } = getLab();
    for (const sql of [
      "SELECT * FROM posthog_person WHERE team_id = $1 AND id = $2",
      "SELECT * FROM posthog_person WHERE team_id = $1 AND nope = $2",
      "DELETE FROM posthog_group WHERE team_id = 1",
      // Fails in the second round trip: the EXPLAIN prunes partitions with $1 / 0.
      "SELECT * FROM posthog_person WHERE team_id = $1 / 0",
      DEEP,
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

describe("the check's round trips", () => {
  it("sends nothing after the user's Parse but its Describe, and explains only a confirmed Parse", async () => {
    const sql = "SELECT * FROM posthog_group WHERE team_id = $1 AND id = $2";
    const { probe, batches } = recorded(getLab().db);
    const result = await checkSql(probe, getLab().ctx, sql);
    assert.equal(result.ok, true);
    const [first, second] = batches;
    assert.equal(batches.length, 2);
    const at = first?.sent.findIndex((f) => f.parse?.[1] === sql) ?? -1;
    assert.ok(at > 0, "the user's statement is parsed in the first batch");
    assert.deepEqual(
      first?.sent.slice(at + 1).map((f) => f.type),
      ["D", "S"],
    );
    assert.ok(first?.replies.includes("parseComplete"));
    const name = first?.sent[at]?.parse?.[0] ?? "";
    assert.match(name, /^workbench_check_[0-9a-f]{24}$/);
    // The second batch: EXPLAIN EXECUTE of that name, ROLLBACK, Close, Sync; never the user's text.
    const texts = second?.sent.flatMap((f) => (f.parse ? [f.parse[1]] : [])) ?? [];
    assert.match(texts[0] ?? "", new RegExp(`^EXPLAIN \\(FORMAT JSON\\) EXECUTE ${name}\\(`));
    assert.deepEqual(texts.slice(1), ["ROLLBACK"]);
    assert.deepEqual(
      second?.sent.slice(-2).map((f) => f.type),
      ["C", "S"],
    );
  });

  it("names the statement afresh for every check", async () => {
    const { probe, batches } = recorded(getLab().db);
    await checkSql(probe, getLab().ctx, "SELECT 1");
    await checkSql(probe, getLab().ctx, "SELECT 1");
    const names = batches.flatMap((b) => b.sent.flatMap((f) => f.parse?.[0] || []));
    assert.equal(new Set(names).size, 2, names.join());
  });

  it("rolls back and closes when a round trip itself fails", async () => {
    const { db, ctx } = getLab();
    let trips = 0;
    const failing: SqlDatabase = {
      query: (sql, params) => db.query(sql, params),
      execProtocol: (message, options) =>
        ++trips === 2 ? Promise.reject(new Error("lost")) : db.execProtocol(message, options),
    };
    const result = await checkSql(failing, ctx, "SELECT * FROM posthog_group WHERE id = 1");
    assert.deepEqual(result.ok ? "checked" : result.error.message, "lost");
    assert.equal(trips, 3, "a third round trip ends the check");
    const { rows } = await db.query("SELECT count(*)::int AS n FROM pg_prepared_statements");
    assert.deepEqual(rows, [{ n: 0 }]);
  });
});

describe("deep nesting (PGlite drops the Parse without an error)", () => {
  it("really makes PGlite run what follows the Parse: the old single batch was unsafe", async () => {
    const { db } = getLab();
    const { messages } = await db.execProtocol(
      concatBytes([
        runFixed("BEGIN"),
        parseMessage("deep", DEEP),
        runFixed("CREATE TABLE nesting_leak (id int)"),
        runFixed("COMMIT"),
        syncMessage(),
      ]),
      { throwOnError: false },
    );
    assert.ok(!messages.some((m) => m.name === "error"), "no error for the dropped Parse");
    const { rows } = await db.query("SELECT to_regclass('nesting_leak')::text AS t");
    assert.deepEqual(rows, [{ t: "nesting_leak" }]);
    await db.query("DROP TABLE nesting_leak");
  });

  it("is refused by the check, with nothing run and the database unchanged", async () => {
    const { db, ctx } = getLab();
    const before = await labFingerprint(db);
    const { probe, batches } = recorded(db);
    const result = await checkSql(probe, ctx, DEEP);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.message, /did not confirm that it prepared the statement/);
    // Only BEGIN and the settings were confirmed; the user's Parse got no ParseComplete.
    const confirmed = batches[0]?.replies.filter((name) => name === "parseComplete");
    assert.equal(confirmed?.length, 2);
    // No EXPLAIN went out: the second batch only rolls back and closes.
    const texts = batches.slice(1).flatMap((b) => b.sent.flatMap((f) => f.parse?.[1] ?? []));
    assert.deepEqual(texts, ["ROLLBACK"]);
    assert.equal(await labFingerprint(db), before);
  });
});
