/**
 * Build step: saves the schema database as a compacted gzip data-dir tarball that the browser
 * loads instead of running the DDL (see ARCHITECTURE.md for the measured difference).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createSnapshot } from "../lib/sql/snapshot";

export const SNAPSHOT_FILE = path.join(
  import.meta.dirname,
  "..",
  "public",
  "generated",
  "lab-snapshot.tar.gz",
);

const snapshot = await createSnapshot();
await mkdir(path.dirname(SNAPSHOT_FILE), { recursive: true });
await writeFile(SNAPSHOT_FILE, Buffer.from(await snapshot.arrayBuffer()));
console.log(`lab snapshot: ${SNAPSHOT_FILE} (${snapshot.size} bytes)`);
