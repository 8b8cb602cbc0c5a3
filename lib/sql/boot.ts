/**
 * Starts a lab database: PGlite with the persons schema, the partition index map read back from
 * the catalogue, and a few warm-up EXPLAINs (the first plans after boot are slow).
 */
import { PGlite } from "@electric-sql/pglite";
import type { AnalysisContext } from "./analyze";
import { schemaDdl } from "./ddl";
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

const WARM_UP = [
  "SELECT * FROM posthog_person WHERE team_id = 1 AND id = 1",
  "SELECT person_id FROM posthog_persondistinctid WHERE team_id = 1 AND distinct_id = 'a'",
];

export async function readIndexParents(db: SqlDatabase): Promise<Record<string, string>> {
  const { rows } = await db.query<{ child: string; parent: string }>(INDEX_PARENTS_SQL);
  return Object.fromEntries(rows.map((r) => [r.child, r.parent]));
}

export async function bootLab(): Promise<LabDatabase> {
  const db = await PGlite.create();
  // Our own DDL, never user input: exec runs every statement in the string.
  await db.exec(schemaDdl());
  const ctx: AnalysisContext = { indexParents: await readIndexParents(db) };
  for (const sql of WARM_UP) await checkSql(db, ctx, sql);
  return { db, ctx };
}
