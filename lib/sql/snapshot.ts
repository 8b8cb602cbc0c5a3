/**
 * The build-time data-dir snapshot the browser boots from. Before dumping, two things that the lab
 * never uses are removed, because every byte is downloaded, gunzipped and unpacked at boot:
 * - the template databases (the lab never creates a database), about 18 MB unpacked;
 * - the WAL written while running the DDL: with recycling off, switching segments and
 *   checkpointing leaves a fresh zero-filled segment instead of 16 MB of old records.
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
  "SELECT pg_switch_wal()",
  "CHECKPOINT",
  "SELECT pg_switch_wal()",
  "CHECKPOINT",
];

export async function compactForSnapshot(db: PGlite): Promise<void> {
  for (const statement of COMPACT_STATEMENTS) await db.query(statement);
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
