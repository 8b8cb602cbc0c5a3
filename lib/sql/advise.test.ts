import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adviseIndex } from "./advise";
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
});
