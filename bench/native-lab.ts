/**
 * The same query set on a native PostgreSQL 18 over loopback: the whole check sequence (the same
 * `checkSql` code, through a TCP client) and the single EXPLAIN round trip inside it.
 */
import { schemaDdl } from "../lib/sql/ddl";
import { CORPUS } from "../lib/sql/corpus";
import { checkSql, endCheck, openExplain, trimStatement } from "../lib/sql/session";
import { readIndexParents } from "../lib/sql/boot";
import { median, round, sampleEach, type Figures } from "./figures";
import { startNativePostgres, type NativePostgres } from "./native-postgres";
import { CHECK_RUNS } from "./node-lab";

export interface NativeResult {
  readonly figures: Figures;
  /** Median check and EXPLAIN-only round trip per corpus query, for ratios. */
  readonly checkMedians: number[];
  readonly explainMedians: number[];
}

/** Times only the EXPLAIN round trip: the same preparation as a check, then the one query. */
async function explainOnly(db: NativePostgres, sql: string): Promise<number> {
  try {
    const explain = await openExplain(db, trimStatement(sql));
    const t0 = performance.now();
    await db.query(explain);
    return performance.now() - t0;
  } finally {
    await endCheck(db);
  }
}

export async function nativeLabFigures(): Promise<NativeResult | { skipped: string }> {
  const db = await startNativePostgres();
  if ("skipped" in db) return db;
  try {
    await db.query(schemaDdl());
    const ctx = { indexParents: await readIndexParents(db) };
    const checks = await sampleEach(CORPUS, CHECK_RUNS, (q) => checkSql(db, ctx, q.sql));
    const explains: number[][] = CORPUS.map(() => []);
    for (let r = 0; r < CHECK_RUNS; r++) {
      for (const [i, q] of CORPUS.entries()) explains[i]?.push(await explainOnly(db, q.sql));
    }
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
