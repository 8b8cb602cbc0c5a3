/**
 * npm run bench: measures the lab in Node and writes bench/results.json.
 * Figures: PGlite boot to ready (schema loaded, warmed up) and one check's latency.
 */
import { bootLab } from "../lib/sql/boot";
import { checkSql } from "../lib/sql/session";
import { median, percentile, round, writeFigures, type Figure } from "./figures";

const RUNS = 30;
const QUERY =
  "SELECT person_id FROM posthog_persondistinctid WHERE team_id = 2 AND distinct_id = 'u'";

async function main(): Promise<void> {
  const started = performance.now();
  const lab = await bootLab();
  const bootMs = performance.now() - started;

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = await checkSql(lab.db, lab.ctx, QUERY);
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error(`bench query failed: ${result.error.message}`);
  }
  await lab.db.close();

  const figures: Record<string, Figure> = {
    "node.pglite_boot_to_ready": {
      value: round(bootMs),
      unit: "ms",
      note: "fresh PGlite + schema DDL + warm-up",
    },
    "node.check_median": {
      value: round(median(times)),
      unit: "ms",
      note: `${RUNS} runs, one indexed query`,
    },
    "node.check_p95": { value: round(percentile(times, 95)), unit: "ms" },
  };
  await writeFigures(figures);
  console.log(JSON.stringify(figures, null, 2));
}

await main();
