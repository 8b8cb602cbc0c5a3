/**
 * Runs a candidate statement against the lab database and analyses it. Never throws: every
 * outcome is a result value with timing. User SQL only ever goes through `query` (which refuses
 * more than one statement), behind EXPLAIN or as the body of a PREPARE (both accept only plannable
 * statements), always inside a transaction that is rolled back. EXPLAIN never runs with ANALYZE.
 * Round trips are few on purpose (verdicts follow typing): our own fixed statements are batched
 * through `exec`, which user SQL never reaches.
 */
import { analyzePlan, type Analysis, type AnalysisContext } from "./analyze";
import { representativeValue } from "./params";
import type { ExplainOutput } from "./plan";
import { overallStatus } from "./verdict";

/** The slice of PGlite's interface the lab needs; PGlite satisfies it in Node and the browser. */
export interface SqlDatabase {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs every statement in the string: only for the lab's own fixed SQL. */
  exec(sql: string): Promise<unknown>;
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
 * Opens the transaction and plans like a busy OLTP database: index lookups and nested loops, never
 * a scan or hash of a table. One round trip.
 */
const BEGIN_CHECK =
  "BEGIN; SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), " +
  "set_config('enable_mergejoin', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)";
/** ROLLBACK keeps prepared statements, so they are dropped too; DEALLOCATE ALL never fails. */
const END_CHECK = "ROLLBACK; DEALLOCATE ALL";

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

/** Starts a check: the transaction every later statement runs in, with the planner set up. */
export async function beginCheck(db: SqlDatabase): Promise<void> {
  await db.exec(BEGIN_CHECK);
}

/**
 * Prepares the statement inside the check's transaction; returns the EXPLAIN to run (the bench
 * times that last round trip alone).
 */
export async function prepareExplain(db: SqlDatabase, statement: string): Promise<string> {
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

/** Rolls back and forgets the prepared statement, if there was one. */
export async function endCheck(db: SqlDatabase): Promise<void> {
  await db.exec(END_CHECK).catch(() => undefined);
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
    await beginCheck(db);
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
    await endCheck(db);
  }
}
