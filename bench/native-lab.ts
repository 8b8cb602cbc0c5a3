/**
 * The same query set on a native PostgreSQL 18 over loopback: the whole check sequence (the same
 * `checkSql` code, through a TCP client) and the single EXPLAIN round trip inside it.
 */
import { schemaDdl } from "../lib/sql/ddl";
import { CORPUS } from "../lib/sql/corpus";
import { checkSql } from "../lib/sql/session";
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

/** Times only the EXPLAIN EXECUTE round trip, with the statement prepared beforehand. */
async function explainOnly(db: NativePostgres, sql: string): Promise<number> {
  await db.query("BEGIN");
  try {
    for (const s of ["enable_seqscan", "enable_hashjoin", "enable_mergejoin"])
      await db.query(`SET LOCAL ${s} = off`);
    await db.query("SET LOCAL plan_cache_mode = force_generic_plan");
    await db.query(`PREPARE bench_stmt AS ${sql}`);
    const { rows } = await db.query<{ types: string[] }>(
      "SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = 'bench_stmt'",
    );
    const { representativeValue } = await import("../lib/sql/params");
    const values = (rows[0]?.types ?? []).map(representativeValue);
    const t0 = performance.now();
    await db.query(
      `EXPLAIN (FORMAT JSON) EXECUTE bench_stmt${values.length ? `(${values.join(", ")})` : ""}`,
    );
    return performance.now() - t0;
  } finally {
    await db.query("ROLLBACK");
    await db.query("DEALLOCATE bench_stmt");
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
