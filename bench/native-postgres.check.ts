/**
 * npx tsx bench/native-postgres.check.ts: starts the native PostgreSQL, runs two queries over TCP,
 * prints the timings and stops it. Exits non-zero when it is skipped or fails.
 */
import { median, round } from "./figures";
import { startNativePostgres } from "./native-postgres";

const RUNS = 20;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, performance.now() - t0];
}

async function main(): Promise<void> {
  const [db, startMs] = await timed(startNativePostgres);
  if ("skipped" in db) {
    console.error(`skipped: ${db.skipped}`);
    process.exitCode = 1;
    return;
  }
  try {
    console.log(`PostgreSQL ${db.version} ready in ${round(startMs)} ms`);
    const [version, versionMs] = await timed(() =>
      db.query<{ version: string }>("SELECT version()"),
    );
    console.log(`SELECT version(): ${round(versionMs)} ms → ${version.rows[0]?.version}`);

    const explain = "EXPLAIN (FORMAT JSON) SELECT 1";
    // The first run includes planning caches warming up, so report it apart from the median.
    const [plan, firstMs] = await timed(() => db.query<{ "QUERY PLAN": unknown }>(explain));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await timed(() => db.query(explain)))[1]);
    console.log(
      `${explain}: first ${round(firstMs)} ms, median of ${RUNS} ${round(median(times))} ms`,
    );
    console.log(JSON.stringify(plan.rows[0]?.["QUERY PLAN"]));
  } finally {
    const [, stopMs] = await timed(() => db.stop());
    console.log(`stopped in ${round(stopMs)} ms`);
  }
}

await main();
