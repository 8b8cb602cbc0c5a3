/**
 * The EXPLAIN round trip alone, for PGlite and native PostgreSQL alike: the statement is prepared
 * in an open check transaction exactly as a check does, then only the EXPLAIN is timed.
 */
import { CORPUS } from "../lib/sql/corpus";
import { plannableStatement } from "../lib/sql/plannable";
import { openExplain, type SqlDatabase } from "../lib/sql/session";
import { CHECK_RUNS } from "./figures";

async function explainOnce(db: SqlDatabase, sql: string): Promise<number> {
  const accepted = plannableStatement(sql);
  if (!accepted.ok) throw new Error(`${accepted.refusal.message}: ${sql}`);
  const { explain, end } = await openExplain(db, accepted.statement);
  try {
    const t0 = performance.now();
    await db.query(explain);
    return performance.now() - t0;
  } finally {
    await end();
  }
}

/** Per corpus query, CHECK_RUNS samples of the EXPLAIN round trip. */
export async function explainSamples(db: SqlDatabase): Promise<number[][]> {
  const samples: number[][] = CORPUS.map(() => []);
  for (let r = 0; r < CHECK_RUNS; r++) {
    for (const [i, q] of CORPUS.entries()) samples[i]?.push(await explainOnce(db, q.sql));
  }
  return samples;
}
