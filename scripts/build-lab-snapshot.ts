/**
 * Build step: saves the schema database as a compacted gzip data-dir tarball that the browser
 * loads instead of running the DDL (see ARCHITECTURE.md for the measured difference), and beside it
 * the key it was made for, so the CLI boots from it too while the schema and PGlite are the same.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildSnapshotFiles, snapshotKey } from "../bin/lab-snapshot";
import { createSnapshot } from "../lib/sql/snapshot";

const root = path.join(import.meta.dirname, "..");
const files = buildSnapshotFiles(root);
const snapshot = await createSnapshot();
await mkdir(path.dirname(files.snapshot), { recursive: true });
// The key goes last: a snapshot cut short by a failed build is never taken for a good one.
await rm(files.key, { force: true });
await writeFile(files.snapshot, Buffer.from(await snapshot.arrayBuffer()));
await writeFile(files.key, `${snapshotKey(root)}\n`);
console.log(`lab snapshot: ${files.snapshot} (${snapshot.size} bytes)`);
