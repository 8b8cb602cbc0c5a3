/**
 * Starts a lab database: PGlite with the persons schema, either by running the DDL or by loading
 * a data-dir snapshot made from it at build time (same PGlite version, no extensions), then reads
 * the partition index map back from the catalogue and warms the planner (the first EXPLAINs after
 * boot are slow).
 */
import { PGlite } from "@electric-sql/pglite";
import type { AnalysisContext } from "./analyze";
import { DataDirFS } from "./data-dir";
import { schemaDdl } from "./ddl";
import { INITDB_PARAMS } from "./initdb-params";
import { checkSql, type SqlDatabase } from "./session";

export interface LabDatabase {
  readonly db: PGlite;
  readonly ctx: AnalysisContext;
  /** A snapshot boot's timeline. */
  readonly phases?: BootPhases;
}

/**
 * When each step of a snapshot boot ended, in `performance.now()` of the booting thread: the tar's
 * bytes in hand, PGlite's runtime up (its wasm instantiated, its own files in place), the data
 * directory written, PostgreSQL started, the catalogue's index map read, the planner warmed.
 */
export interface BootPhases {
  tar?: number;
  runtime?: number;
  dataDir?: number;
  postgres?: number;
  catalogue?: number;
  warm?: number;
}

const INDEX_PARENTS_SQL = `
  SELECT child.relname AS child, parent.relname AS parent
  FROM pg_inherits i
  JOIN pg_class child ON child.oid = i.inhrelid
  JOIN pg_class parent ON parent.oid = i.inhparent
  WHERE child.relkind = 'i'`;

/**
 * One check through a join of the two busiest tables loads the catalogue caches and plans over
 * all 64 person partitions; the first check after boot would otherwise take 30–220 ms. Other
 * tables cost a few ms on first use, so they are not warmed.
 */
const WARM_UP =
  "SELECT p.id FROM posthog_person p JOIN posthog_persondistinctid d ON p.id = d.person_id AND p.team_id = d.team_id WHERE d.team_id = $1 AND d.distinct_id = $2";

/**
 * PostgreSQL's default 128 MB of shared buffers is allocated (and zeroed) in PGlite's wasm memory
 * at every start, for a database whose tables are empty: 16 MB takes about 100 MB off the peak
 * memory and a fifth off the boot. Plans do not depend on it (the planner reads
 * effective_cache_size, which stays).
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

export async function readIndexParents(db: SqlDatabase): Promise<Record<string, string>> {
  const { rows } = await db.query<{ child: string; parent: string }>(INDEX_PARENTS_SQL);
  return Object.fromEntries(rows.map((r) => [r.child, r.parent]));
}

async function warmUp(lab: LabDatabase): Promise<void> {
  await checkSql(lab.db, lab.ctx, WARM_UP);
  if (lab.phases) lab.phases.warm = performance.now();
}

async function prepareLab(db: PGlite, warm = true, phases?: BootPhases): Promise<LabDatabase> {
  const ctx: AnalysisContext = { indexParents: await readIndexParents(db) };
  if (phases) phases.catalogue = performance.now();
  const lab = { db, ctx, phases };
  if (warm) await warmUp(lab);
  return lab;
}

/** A fresh database with the schema's DDL run in it. */
export async function createSchemaDatabase(): Promise<PGlite> {
  const db = await PGlite.create({ initDbStartParams: INITDB_PARAMS, startParams: START_PARAMS });
  // Our own DDL, never user input: exec runs every statement in the string.
  await db.exec(schemaDdl());
  return db;
}

export async function bootLab(): Promise<LabDatabase> {
  return prepareLab(await createSchemaDatabase());
}

/** How to boot: what the caller prepared ahead (in parallel with other work), and the warm-up. */
export interface SnapshotBootOptions {
  /** PGlite's wasm, already compiled; else PGlite reads and compiles its own. */
  readonly pgliteWasmModule?: WebAssembly.Module;
  /** PGlite's file-system bundle, already fetched; else PGlite fetches it when called. */
  readonly fsBundle?: Blob;
  /**
   * Warm the planner (the default). A process that checks one statement and exits skips it: the
   * warm-up would only move the first check's catalogue loading earlier, and do more of it.
   */
  readonly warm?: boolean;
}

/**
 * A stand-in for initdb's wasm, which a boot from a data directory never runs: without one, PGlite
 * downloads the real one (in a browser) at every start. The smallest valid module, compiled at
 * once; `DataDirFS` refuses a snapshot without `PG_VERSION`, the one case where initdb would run.
 */
const NO_INITDB = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));

/** The snapshot's tar bytes, gunzipped first if it is the gzip tarball (by its magic number). */
async function tarBytes(snapshot: Blob | Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const bytes =
    snapshot instanceof Uint8Array ? snapshot : new Uint8Array(await snapshot.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

/**
 * Boots from a `dumpDataDir` snapshot of `createSchemaDatabase()`: the gzip tarball or the tar
 * itself (the browser receives it gunzipped by its network stack, the CLI from its cache). The
 * data directory is written by `DataDirFS`, not by PGlite's `loadDataDir` (see data-dir.ts); a
 * tar given as bytes becomes the files' storage, so the caller must not use it afterwards.
 */
export async function bootLabFromSnapshot(
  snapshot: Blob | Uint8Array<ArrayBuffer>,
  { warm, ...files }: SnapshotBootOptions = {},
): Promise<LabDatabase> {
  const phases: BootPhases = {};
  const tar = await tarBytes(snapshot);
  phases.tar = performance.now();
  const db = await PGlite.create({
    ...files,
    initdbWasmModule: NO_INITDB,
    fs: new DataDirFS(tar, phases),
    startParams: START_PARAMS,
  });
  phases.postgres = performance.now();
  return prepareLab(db, warm, phases);
}
