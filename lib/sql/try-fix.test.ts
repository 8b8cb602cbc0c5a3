import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adviseIndex, fixesOf, tryFix } from "./try-fix";
import { checkSql } from "./session";
import { sharedLabDatabase } from "./test-lab";

const getLab = sharedLabDatabase();

describe("adviseIndex", () => {
  it("proposes (team_id, group_type_index) for a group read by type and shows the warning gone", async () => {
    const advice = await adviseIndex(
      getLab().db,
      getLab().ctx,
      "SELECT * FROM posthog_group WHERE team_id = $1 AND group_type_index = $2",
    );
    assert.ok(advice.ok, advice.ok ? "" : advice.reason);
    if (!advice.ok || !advice.after.ok || !advice.before.ok) return;
    assert.match(
      advice.ddl,
      /^CREATE INDEX workbench_proposed_group_idx ON posthog_group \(team_id, group_type_index\)$/,
    );
    assert.equal(advice.before.status, "warning");
    assert.equal(advice.after.status, "pass");
    assert.equal(advice.after.verdicts[0]?.index, "workbench_proposed_group_idx");
  });

  it("fixes a sequential scan and leaves no index behind", async () => {
    const sql = "SELECT person_id FROM posthog_cohortpeople WHERE version = $1";
    const advice = await adviseIndex(getLab().db, getLab().ctx, sql);
    assert.ok(advice.ok && advice.after.ok && advice.after.status === "pass");
    const { rows } = await getLab().db.query(
      "SELECT 1 FROM pg_indexes WHERE indexname LIKE 'workbench_proposed%'",
    );
    assert.equal(rows.length, 0);
  });

  it("says so when nothing needs an index", async () => {
    const advice = await adviseIndex(
      getLab().db,
      getLab().ctx,
      "SELECT * FROM posthog_group WHERE team_id = $1 AND group_key = $2 AND group_type_index = $3",
    );
    assert.equal(advice.ok, false);
    if (!advice.ok) assert.match(advice.reason, /Nothing flagged/);
  });

  it("offers adding team_id, not a new index, for a distinct id without its team", async () => {
    const sql = "SELECT person_id FROM posthog_persondistinctid WHERE distinct_id = $1";
    const advice = await adviseIndex(getLab().db, getLab().ctx, sql);
    assert.equal(advice.ok, false);
    if (advice.ok) return;
    assert.match(advice.reason, /No new index is needed: Add `team_id = \$2`/);
    assert.equal(advice.trials.length, 1);
    const after = advice.trials[0]?.after;
    assert.ok(after?.ok && after.status === "pass");
  });

  it("tries an expression index for a JSON key and leaves nothing behind", async () => {
    const sql = "SELECT id FROM posthog_person WHERE team_id = $1 AND properties->>'email' = $2";
    const advice = await adviseIndex(getLab().db, getLab().ctx, sql);
    assert.ok(advice.ok, advice.ok ? "" : advice.reason);
    if (!advice.ok || !advice.after.ok) return;
    assert.equal(
      advice.ddl,
      "CREATE INDEX workbench_proposed_person_idx ON posthog_person (team_id, (properties ->> 'email'))",
    );
    assert.equal(advice.after.status, "pass");
    const { rows } = await getLab().db.query(
      "SELECT 1 FROM pg_indexes WHERE indexname LIKE 'workbench_proposed%'",
    );
    assert.equal(rows.length, 0);
  });

  it("rebuilds a fix's index from the schema and refuses keys it would not build", async () => {
    const sql = "SELECT * FROM posthog_group WHERE team_id = $1 AND group_type_index = $2";
    const before = await checkSql(getLab().db, getLab().ctx, sql);
    const fix = fixesOf(before)[0];
    assert.ok(fix?.index);
    const tampered = { ...fix, ddl: "DROP TABLE posthog_group" };
    const after = await tryFix(getLab().db, getLab().ctx, tampered);
    assert.ok(after.ok && after.status === "pass", "the DDL tried is the lab's own");
    for (const key of ["nope", "(group_properties ->> 'x'); DROP TABLE posthog_group --')"]) {
      const bad = { ...fix, index: { ...fix.index, columns: ["team_id", key] } };
      const refused = await tryFix(getLab().db, getLab().ctx, bad);
      assert.equal(refused.ok, false, key);
    }
    const still = await getLab().db.query("SELECT count(*) FROM posthog_group");
    assert.equal(still.rows.length, 1);
  });
});
