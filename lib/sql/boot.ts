/**
 * Starts a lab database: PGlite with the persons schema, either by running the DDL or by loading
 * a data-dir snapshot made from it at build time (same PGlite version, no extensions), then reads
 * the partition index map back from the catalogue and warms the planner (the first EXPLAINs after
 * boot are slow).
 */
import { PGlite } from "@electric-sql/pglite";
import type { AnalysisContext } from "./analyze";
import { schemaDdl } from "./ddl";
import { INITDB_PARAMS } from "./initdb-params";
import { checkSql, type SqlDatabase } from "./session";

export interface LabDatabase {
  readonly db: PGlite;
  readonly ctx: AnalysisContext;
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

async function prepareLab(db: PGlite, warm = true): Promise<LabDatabase> {
  const ctx: AnalysisContext = { indexParents: await readIndexParents(db) };
  if (warm) await checkSql(db, ctx, WARM_UP);
  return { db, ctx };
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
 * Boots from a `dumpDataDir` snapshot of `createSchemaDatabase()`: the gzip tarball, or the tar
 * itself typed `application/x-tar` (PGlite then reads it as is, with no gunzip; the browser
 * receives it gunzipped by its network stack, the CLI from its cache).
 */
export async function bootLabFromSnapshot(
  snapshot: Blob,
  { warm, ...files }: SnapshotBootOptions = {},
): Promise<LabDatabase> {
  const db = await PGlite.create({ ...files, loadDataDir: snapshot, startParams: START_PARAMS });
  return prepareLab(db, warm);
}
