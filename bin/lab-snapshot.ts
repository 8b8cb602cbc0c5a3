/**
 * The schema snapshot the CLI's lab boots from, never the DDL at each run: the build's
 * (lab-assets/, when it was made from today's schema by today's PGlite), else the cache's,
 * else one made now from the DDL and cached for every later run. The key is a hash of the schema's
 * DDL, the PGlite version and initdb's options: a snapshot is a data directory, readable only by
 * the PGlite that wrote it.
 *
 * The lab boots from the snapshot's tar, unpacked once into the cache beside it (same key, `.tar`):
 * reading 16 MB from the page cache is cheaper than inflating 1.5 MB at every run, and PGlite, told
 * the type, unpacks it without first trying it as a tar and then gunzipping it. A cached tar that
 * is not whole (a short write, another program's bytes) is not trusted: it is made again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, rename, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { INITDB_PARAMS } from "../lib/sql/initdb-params";
import { schemaDdl } from "../lib/sql/ddl";
import { BUILD_SNAPSHOT_FILE, LAB_ASSETS_DIR } from "../lib/serve/lab-assets";
import type { CliPaths } from "./cli-setup";
import { BytesBlob } from "./bytes-blob";
import { isWholeTar } from "./snapshot-tar";

/** Where the snapshot came from: the build, the cache, or made now (the DDL ran, once). */
export type SnapshotSource = "build" | "cache" | "made";

export interface LabSnapshot {
  /** The snapshot's tar, typed `application/x-tar`. */
  readonly snapshot: Blob;
  readonly source: SnapshotSource;
  readonly file: string;
  /** Made now but not written to the cache, and why (a read-only folder, a full disk). */
  readonly notCached?: string;
  /** The tar was unpacked now into this cache file, for later runs to read as is. */
  readonly unpacked?: string;
}

/** The gzip tarball, before it is unpacked. */
type Packed = Omit<LabSnapshot, "unpacked">;

/** Beside the build's snapshot: the key it was made for. */
const BUILD_KEY_FILE = "lab-snapshot.key";
/** Snapshots of another schema or PGlite are removed once this old (checkouts may share a cache). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** The version of the PGlite the package loads: from the package.json above its resolved entry. */
function pgliteVersion(root: string): string {
  const require = createRequire(path.join(root, "package.json"));
  const entry = require.resolve("@electric-sql/pglite");
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = require(file) as { name?: string; version?: string };
    if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
  }
  throw new Error(`no package.json for PGlite above ${entry}`);
}

/** A hash of the schema's DDL and the version of the package's PGlite. */
export function snapshotKey(root: string): string {
  const hash = createHash("sha256").update(schemaDdl()).update("\0").update(pgliteVersion(root));
  // How the cluster was made: a snapshot of 16 MB WAL segments is readable, only slower to boot.
  hash.update("\0").update(INITDB_PARAMS.join(" "));
  return hash.digest("hex").slice(0, 20);
}

export function buildSnapshotFiles(root: string): { snapshot: string; key: string } {
  const dir = path.join(root, LAB_ASSETS_DIR);
  return { snapshot: path.join(dir, BUILD_SNAPSHOT_FILE), key: path.join(dir, BUILD_KEY_FILE) };
}

async function fromBuild(root: string, key: string): Promise<LabSnapshot | null> {
  const files = buildSnapshotFiles(root);
  const madeFor = await readFile(files.key, "utf8").catch(() => "");
  if (madeFor.trim() !== key) return null;
  const bytes = await readFile(files.snapshot).catch(() => null);
  return bytes && { snapshot: new Blob([bytes]), source: "build", file: files.snapshot };
}

/** Writes beside the target and renames: a reader never sees half a snapshot. */
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const scratch = `${file}.${process.pid}.tmp`;
  await writeFile(scratch, bytes);
  await rename(scratch, file);
}

async function removeStale(cache: string, keep: readonly string[]): Promise<void> {
  for (const name of await readdir(cache)) {
    if (!name.startsWith("lab-snapshot-") || keep.includes(name)) continue;
    const file = path.join(cache, name);
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_MS) await rm(file, { force: true });
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The cache's files for a key: the gzip tarball (as the build makes it) and its tar. */
export function cacheSnapshotFiles(cache: string, key: string): { packed: string; tar: string } {
  const packed = path.join(cache, `lab-snapshot-${key}.tar.gz`);
  return { packed, tar: packed.replace(/\.gz$/, "") };
}

const TAR_TYPE = "application/x-tar";

/** The gzip tarball: the build's, the cache's, or made now from the DDL and cached. */
async function packedSnapshot(
  paths: CliPaths,
  key: string,
  making: (file: string) => void,
): Promise<Packed> {
  const built = await fromBuild(paths.root, key);
  if (built) return built;
  const file = cacheSnapshotFiles(paths.cache, key).packed;
  const cached = await readFile(file).catch(() => null);
  if (cached) return { snapshot: new Blob([cached]), source: "cache", file };
  making(file);
  // Loaded only here: making a snapshot needs PGlite and the DDL's database.
  const { createSnapshot } = await import("../lib/sql/snapshot");
  const snapshot = await createSnapshot();
  try {
    await mkdir(paths.cache, { recursive: true });
    await writeWhole(file, new Uint8Array(await snapshot.arrayBuffer()));
    return { snapshot, source: "made", file };
  } catch (error) {
    return { snapshot, source: "made", file, notCached: errorText(error) };
  }
}

/** The cache's tar, unpacked by an earlier run, as read from the cache file. */
export interface CachedTar {
  readonly tar: Uint8Array<ArrayBuffer>;
  readonly file: string;
}

/**
 * The cache's tar for today's schema and PGlite, if an earlier run unpacked it and it is whole;
 * else null (the lab then finds or makes the snapshot: labSnapshot). Needs no PGlite, so the
 * thread that starts a lab reads it while the lab's thread starts (cli-lab.ts).
 */
export function cachedTar(paths: CliPaths): CachedTar | null {
  const file = cacheSnapshotFiles(paths.cache, snapshotKey(paths.root)).tar;
  let tar: Buffer<ArrayBuffer>;
  try {
    // In one read: fs/promises reads in 512 KiB pieces, each a round trip through libuv's thread
    // pool, slow on a busy machine; 16 MB from the page cache is a few ms.
    tar = readFileSync(file);
  } catch {
    return null;
  }
  return isWholeTar(tar) ? { tar, file } : null;
}

export function cachedSnapshot({ tar, file }: CachedTar): LabSnapshot {
  return { snapshot: new BytesBlob(tar, TAR_TYPE), source: "cache", file };
}

/** `making` is told the cache file before a snapshot is made, which takes seconds. */
export async function labSnapshot(
  paths: CliPaths,
  making: (file: string) => void,
): Promise<LabSnapshot> {
  const cached = cachedTar(paths);
  if (cached) return cachedSnapshot(cached);
  const key = snapshotKey(paths.root);
  const files = cacheSnapshotFiles(paths.cache, key);
  const packed = await packedSnapshot(paths, key, making);
  const inflated = await promisify(gunzip)(await packed.snapshot.arrayBuffer());
  // A view of zlib's output, not a copy: the tar's size again in peak memory otherwise.
  const unpacked = new Uint8Array(
    inflated.buffer as ArrayBuffer,
    inflated.byteOffset,
    inflated.byteLength,
  );
  const snapshot = new BytesBlob(unpacked, TAR_TYPE);
  if (packed.notCached) return { ...packed, snapshot };
  try {
    await mkdir(paths.cache, { recursive: true });
    await writeWhole(files.tar, unpacked);
    await removeStale(
      paths.cache,
      [files.packed, files.tar].map((f) => path.basename(f)),
    );
    return { ...packed, snapshot, unpacked: files.tar };
  } catch (error) {
    return { ...packed, snapshot, notCached: errorText(error) };
  }
}
