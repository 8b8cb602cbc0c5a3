/**
 * The build-time data-dir snapshot the browser boots from. Before dumping, two things that the lab
 * never uses are removed, because every byte is downloaded, gunzipped and unpacked at boot:
 * - the template databases (the lab never creates a database), about 18 MB unpacked;
 * - the WAL written while running the DDL: with recycling off, switching segments and
 *   checkpointing until one segment is left leaves one fresh, zero-filled 1 MB segment (boot.ts
 *   makes them that small) instead of megabytes of old records.
 * Measured in `npm run bench` (node.snapshot_size, node.boot_snapshot_median).
 */
import type { PGlite } from "@electric-sql/pglite";
import { createSchemaDatabase } from "./boot";

// One statement per call: DROP DATABASE refuses the implicit transaction of a multi-statement string.
const COMPACT_STATEMENTS = [
  "UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')",
  "DROP DATABASE template0",
  "DROP DATABASE template1",
  "SET wal_recycle = off",
];

/** A checkpoint removes only segments before the previous one's; small segments take a few rounds. */
const MAX_WAL_ROUNDS = 8;

async function walSegments(db: PGlite): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_ls_waldir()");
  return rows[0]?.n ?? 0;
}

export async function compactForSnapshot(db: PGlite): Promise<void> {
  for (const statement of COMPACT_STATEMENTS) await db.query(statement);
  for (let round = 0; round < MAX_WAL_ROUNDS; round++) {
    if (round >= 2 && (await walSegments(db)) <= 1) return;
    await db.query("SELECT pg_switch_wal()");
    await db.query("CHECKPOINT");
  }
  throw new Error(`The snapshot's WAL kept ${await walSegments(db)} segments.`);
}

/** A gzip tarball of the schema database, ready for `bootLabFromSnapshot`. */
export async function createSnapshot(): Promise<Blob> {
  const db = await createSchemaDatabase();
  try {
    await compactForSnapshot(db);
    return await db.dumpDataDir("gzip");
  } finally {
    await db.close();
  }
}
