/** PGlite in Node: boot by DDL against boot from the build-time snapshot, and check latency. */
import { bootLab, bootLabFromSnapshot } from "../lib/sql/boot";
import { CORPUS } from "../lib/sql/corpus";
import { checkSql } from "../lib/sql/session";
import { createSnapshot } from "../lib/sql/snapshot";
import { CHECK_RUNS, median, percentile, round, sampleEach, timed, type Figures } from "./figures";
import { explainSamples } from "./explain-only";

const BOOTS = 3;

export interface NodeLabResult {
  readonly figures: Figures;
  /** Median PGlite EXPLAIN round trip per corpus query, for the engine-only ratio. */
  readonly explainMedians: number[];
}

export async function nodeLabFigures(): Promise<NodeLabResult> {
  const ddlBoots: number[] = [];
  const snapshotBoots: number[] = [];
  const snapshot = await createSnapshot();
  for (let i = 0; i < BOOTS; i++) {
    const [a, ddlMs] = await timed(bootLab);
    ddlBoots.push(ddlMs);
    await a.db.close();
    const [b, snapMs] = await timed(() => bootLabFromSnapshot(snapshot));
    snapshotBoots.push(snapMs);
    await b.db.close();
  }

  const lab = await bootLab();
  const samples = await sampleEach(CORPUS, CHECK_RUNS, (q) => checkSql(lab.db, lab.ctx, q.sql));
  const explains = await explainSamples(lab.db);
  await lab.db.close();
  const medians = samples.map(median);
  const all = samples.flat();
  const figures: Figures = {
    "node.boot_ddl_median": {
      value: round(median(ddlBoots)),
      unit: "ms",
      note: `PGlite + schema DDL + warm-up, ${BOOTS} boots`,
    },
    "node.boot_snapshot_median": {
      value: round(median(snapshotBoots)),
      unit: "ms",
      note: `PGlite from the gzip data-dir snapshot + warm-up, ${BOOTS} boots`,
    },
    "node.snapshot_size": { value: snapshot.size, unit: "bytes" },
    "node.check_median": {
      value: round(median(all)),
      unit: "ms",
      note: `${CORPUS.length} corpus queries × ${CHECK_RUNS} runs`,
    },
    "node.check_p95": { value: round(percentile(all, 95)), unit: "ms" },
    "node.check_slowest_query_median": { value: round(Math.max(...medians)), unit: "ms" },
    "node.explain_round_trip_median": {
      value: round(median(explains.flat())),
      unit: "ms",
      note: "PGlite in Node: the EXPLAIN EXECUTE alone, as timed on native PostgreSQL",
    },
  };
  return { figures, explainMedians: explains.map(median) };
}
