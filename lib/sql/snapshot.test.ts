import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { bootLab, bootLabFromSnapshot, type LabDatabase } from "./boot";
import { CORPUS } from "./corpus";
import { checkSql, type CheckResult } from "./session";
import { createSnapshot } from "./snapshot";
import { sharedLabDatabase } from "./test-lab";

const getDdlLab = sharedLabDatabase(bootLab);
let snapshotLab: LabDatabase | undefined;
let snapshot: Blob | undefined;

before(async () => {
  snapshot = await createSnapshot();
  snapshotLab = await bootLabFromSnapshot(snapshot);
});
after(async () => {
  await snapshotLab?.db.close();
});

/** The snapshot's tar as the CLI caches it, typed so that PGlite reads it as is. */
async function unpacked(gzip: Blob): Promise<Blob> {
  const inflated = gzip.stream().pipeThrough(new DecompressionStream("gzip"));
  return new Blob([await new Response(inflated).arrayBuffer()], { type: "application/x-tar" });
}

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

  it("gives the same verdicts from its tar, without the warm-up, as a one-shot CLI", async () => {
    const cold = await bootLabFromSnapshot(await unpacked(snapshot!), { warm: false });
    try {
      for (const query of CORPUS) {
        const fromDdl = await checkSql(getDdlLab().db, getDdlLab().ctx, query.sql);
        const fromCold = await checkSql(cold.db, cold.ctx, query.sql);
        assert.equal(summary(fromCold), summary(fromDdl), query.id);
      }
    } finally {
      await cold.db.close();
    }
  });
});
