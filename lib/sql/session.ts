/**
 * Runs a candidate statement against the lab database and analyses it. Never throws: every
 * outcome is a result value with timing. User SQL only ever goes through `query` (which refuses
 * more than one statement), behind EXPLAIN or as the body of a PREPARE (both accept only plannable
 * statements), always inside a transaction that is rolled back. EXPLAIN never runs with ANALYZE.
 * Round trips are few on purpose: verdicts follow typing.
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
const EXPLAIN_PREFIX = "EXPLAIN (FORMAT JSON) ";
/**
 * Plans like a busy OLTP database: index lookups and nested loops, never a scan or hash of a table.
 * One statement (set_config with is_local) instead of four SET LOCALs.
 */
const PLANNER_SETTINGS =
  "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), " +
  "set_config('enable_mergejoin', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)";

/** `$n` placeholders need a prepared generic plan; plain SQL is explained directly. */
export function hasPlaceholders(statement: string): boolean {
  return /\$\d/.test(statement);
}

/** Trailing semicolons and whitespace are harmless to people but break the PREPARE wrapper. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/u, "").replace(/^\s+/u, "");
}

function toSqlError(err: unknown, offset: number, leadTrim: number): SqlError {
  const e = err as { message?: unknown; position?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(err);
  const raw = Number(e?.position);
  const position = Number.isFinite(raw) && raw > offset ? raw - offset + leadTrim : undefined;
  return position === undefined ? { message } : { message, position };
}

/**
 * Sets the planner up and prepares the statement inside an open transaction; returns the EXPLAIN
 * to run (the bench times that last round trip alone).
 */
export async function prepareExplain(db: SqlDatabase, statement: string): Promise<string> {
  await db.query(PLANNER_SETTINGS);
  if (!hasPlaceholders(statement)) return EXPLAIN_PREFIX + statement;
  await db.query(PREPARE_PREFIX + statement);
  const { rows } = await db.query<{ types: string[] }>(
    "SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = $1",
    [STATEMENT_NAME],
  );
  const values = (rows[0]?.types ?? []).map(representativeValue);
  const args = values.length ? `(${values.join(", ")})` : "";
  return `${EXPLAIN_PREFIX}EXECUTE ${STATEMENT_NAME}${args}`;
}

/** EXPLAINs the statement inside an open transaction; the caller rolls back. */
export async function explainInTransaction(
  db: SqlDatabase,
  statement: string,
): Promise<ExplainOutput> {
  return planOf(await db.query(await prepareExplain(db, statement)));
}

function planOf(result: { rows: unknown[] }): ExplainOutput {
  const row = result.rows[0] as { "QUERY PLAN"?: ExplainOutput[] } | undefined;
  const plan = row?.["QUERY PLAN"]?.[0];
  if (!plan) throw new Error("EXPLAIN returned no plan.");
  return plan;
}

/** Rolls back and forgets the prepared statement, if there was one (ROLLBACK keeps it). */
export async function endCheck(db: SqlDatabase, statement: string): Promise<void> {
  await db.query("ROLLBACK").catch(() => undefined);
  if (hasPlaceholders(statement))
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
    const offset = (hasPlaceholders(statement) ? PREPARE_PREFIX : EXPLAIN_PREFIX).length;
    return { ok: false, error: toSqlError(err, offset, leadTrim), ms: performance.now() - started };
  } finally {
    await endCheck(db, statement);
  }
}
