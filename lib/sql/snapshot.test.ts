import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { bootLab, bootLabFromSnapshot, type LabDatabase } from "./boot";
import { CORPUS } from "./corpus";
import { checkSql, type CheckResult } from "./session";
import { createSnapshot } from "./snapshot";
import { sharedLabDatabase } from "./test-lab";

const getDdlLab = sharedLabDatabase(bootLab);
let snapshotLab: LabDatabase | undefined;

before(async () => {
  snapshotLab = await bootLabFromSnapshot(await createSnapshot());
});
after(async () => {
  await snapshotLab?.db.close();
});

function summary(result: CheckResult): string {
  if (!result.ok) return `error: ${result.error.message}`;
  return JSON.stringify([result.status, result.verdicts, result.statement, result.tables]);
}

describe("the compacted snapshot", () => {
  it("keeps only the database the lab uses", async () => {
    const { rows } = await snapshotLab!.db.query<{ datname: string }>(
      "SELECT datname FROM pg_database ORDER BY datname",
    );
    assert.deepEqual(
      rows.map((r) => r.datname),
      ["postgres"],
    );
  });

  it("keeps one WAL segment, of 1 MB", async () => {
    const { rows } = await snapshotLab!.db.query<{ size: string; n: number }>(
      "SELECT current_setting('wal_segment_size') AS size, (SELECT count(*)::int FROM pg_ls_waldir()) AS n",
    );
    assert.deepEqual(rows, [{ size: "1MB", n: 1 }]);
  });

  it("gives the same verdicts as a database built by running the DDL", async () => {
    for (const query of CORPUS) {
      const fromDdl = await checkSql(getDdlLab().db, getDdlLab().ctx, query.sql);
      const fromSnapshot = await checkSql(snapshotLab!.db, snapshotLab!.ctx, query.sql);
      assert.equal(summary(fromSnapshot), summary(fromDdl), query.id);
    }
  });
});
