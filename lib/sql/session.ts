/**
 * Runs a candidate statement against the lab database and analyses it. Never throws: every
 * outcome is a result value with timing. User SQL only ever goes through `query` (which refuses
 * more than one statement) as the body of a PREPARE, which only accepts plannable statements, and
 * always inside a transaction that is rolled back. EXPLAIN never runs with ANALYZE.
 */
import { analyzePlan, type Analysis, type AnalysisContext } from "./analyze";
import { representativeValue } from "./params";
import type { ExplainOutput } from "./plan";
import { overallStatus } from "./verdict";

/** The slice of PGlite's interface the lab needs; PGlite satisfies it in Node and the browser. */
export interface SqlDatabase {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export type CheckResult =
  | ({
      readonly ok: true;
      readonly status: "error" | "warning" | "ok";
      readonly plan: ExplainOutput;
      readonly ms: number;
    } & Omit<Analysis, "relations">)
  | { readonly ok: false; readonly error: SqlError; readonly ms: number };

export interface SqlError {
  readonly message: string;
  /** 1-based character offset into the user's SQL, when PostgreSQL reports one. */
  readonly position?: number;
}

const STATEMENT_NAME = "workbench_check";
const PREPARE_PREFIX = `PREPARE ${STATEMENT_NAME} AS `;
/** Plans like a busy OLTP database: index lookups and nested loops, never a scan or hash of a table. */
const PLANNER_SETTINGS = [
  "SET LOCAL enable_seqscan = off",
  "SET LOCAL enable_hashjoin = off",
  "SET LOCAL enable_mergejoin = off",
  "SET LOCAL plan_cache_mode = force_generic_plan",
];

/** Trailing semicolons and whitespace are harmless to people but break the PREPARE wrapper. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/u, "").replace(/^\s+/u, "");
}

function toSqlError(err: unknown, leadTrim: number): SqlError {
  const e = err as { message?: unknown; position?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(err);
  const raw = Number(e?.position);
  const offset = PREPARE_PREFIX.length;
  const position = Number.isFinite(raw) && raw > offset ? raw - offset + leadTrim : undefined;
  return position === undefined ? { message } : { message, position };
}

/** EXPLAINs the statement inside an open transaction; the caller rolls back. */
export async function explainInTransaction(
  db: SqlDatabase,
  statement: string,
): Promise<ExplainOutput> {
  for (const setting of PLANNER_SETTINGS) await db.query(setting);
  await db.query(PREPARE_PREFIX + statement);
  const { rows } = await db.query<{ types: string[] }>(
    "SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = $1",
    [STATEMENT_NAME],
  );
  const values = (rows[0]?.types ?? []).map(representativeValue);
  const args = values.length ? `(${values.join(", ")})` : "";
  const result = await db.query<{ "QUERY PLAN": ExplainOutput[] }>(
    `EXPLAIN (FORMAT JSON) EXECUTE ${STATEMENT_NAME}${args}`,
  );
  const plan = result.rows[0]?.["QUERY PLAN"][0];
  if (!plan) throw new Error("EXPLAIN returned no plan.");
  return plan;
}

/** Rolls back and forgets the prepared statement (PREPARE is not undone by ROLLBACK). */
export async function endCheck(db: SqlDatabase): Promise<void> {
  await db.query("ROLLBACK").catch(() => undefined);
  await db.query(`DEALLOCATE ${STATEMENT_NAME}`).catch(() => undefined);
}

export async function checkSql(
  db: SqlDatabase,
  ctx: AnalysisContext,
  sql: string,
): Promise<CheckResult> {
  const started = performance.now();
  const statement = trimStatement(sql);
  const leadTrim = sql.length - sql.trimStart().length;
  if (!statement) {
    return { ok: false, error: { message: "Enter one SQL statement to check." }, ms: 0 };
  }
  try {
    await db.query("BEGIN");
    const plan = await explainInTransaction(db, statement);
    const { verdicts, statement: kind, tables } = analyzePlan(plan, ctx);
    const ms = performance.now() - started;
    return {
      ok: true,
      status: overallStatus(verdicts),
      plan,
      verdicts,
      statement: kind,
      tables,
      ms,
    };
  } catch (err) {
    return { ok: false, error: toSqlError(err, leadTrim), ms: performance.now() - started };
  } finally {
    await endCheck(db);
  }
}
