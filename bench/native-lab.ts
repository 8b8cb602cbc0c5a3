/**
 * The same query set on a native PostgreSQL 18 over loopback: the whole check sequence (the same
 * `checkSql` code, through a TCP client) and the single EXPLAIN round trip inside it.
 */
import { schemaDdl } from "../lib/sql/ddl";
import { CORPUS } from "../lib/sql/corpus";
import { checkSql } from "../lib/sql/session";
import { readIndexParents } from "../lib/sql/boot";
import { CHECK_RUNS, median, round, sampleEach, type Figures } from "./figures";
import { explainSamples } from "./explain-only";
import { startNativePostgres } from "./native-postgres";

export interface NativeResult {
  readonly figures: Figures;
  /** Median check and EXPLAIN-only round trip per corpus query, for ratios. */
  readonly checkMedians: number[];
  readonly explainMedians: number[];
}

export async function nativeLabFigures(): Promise<NativeResult | { skipped: string }> {
  const db = await startNativePostgres();
  if ("skipped" in db) return db;
  try {
    await db.query(schemaDdl());
    const ctx = { indexParents: await readIndexParents(db) };
    const checks = await sampleEach(CORPUS, CHECK_RUNS, (q) => checkSql(db, ctx, q.sql));
    const explains = await explainSamples(db);
    const checkMedians = checks.map(median);
    const explainMedians = explains.map(median);
    return {
      checkMedians,
      explainMedians,
      figures: {
        "native.postgres_version": {
          value: Number(db.version),
          unit: "count",
          note: "major.minor of the native server",
        },
        "native.check_median": {
          value: round(median(checks.flat())),
          unit: "ms",
          note: "the whole check sequence over loopback TCP",
        },
        "native.explain_round_trip_median": {
          value: round(median(explains.flat())),
          unit: "ms",
          note: "EXPLAIN EXECUTE alone over loopback TCP",
        },
      },
    };
  } finally {
    await db.stop();
  }
}
