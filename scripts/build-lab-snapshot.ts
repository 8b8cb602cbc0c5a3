/**
 * Build step: runs the schema DDL in PGlite and saves the data directory as a gzip tarball the
 * browser loads instead of running the DDL (see ARCHITECTURE.md for the measured difference).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createSchemaDatabase } from "../lib/sql/boot";

export const SNAPSHOT_FILE = path.join(
  import.meta.dirname,
  "..",
  "public",
  "generated",
  "lab-snapshot.tar.gz",
);

const db = await createSchemaDatabase();
const snapshot = await db.dumpDataDir("gzip");
await db.close();
await mkdir(path.dirname(SNAPSHOT_FILE), { recursive: true });
await writeFile(SNAPSHOT_FILE, Buffer.from(await snapshot.arrayBuffer()));
console.log(`lab snapshot: ${SNAPSHOT_FILE} (${snapshot.size} bytes)`);
