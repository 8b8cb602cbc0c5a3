/**
 * Runs a candidate statement against the lab database and analyses it. Never throws: every
 * outcome is a result value with timing. User SQL only ever goes through `query`, which refuses
 * more than one statement, and always inside a transaction that is rolled back.
 */
import { analyzePlan, type AnalysisContext } from "./analyze";
import type { ExplainOutput } from "./plan";
import { overallStatus, type Verdict } from "./verdict";

/** The slice of PGlite's interface the lab needs; PGlite satisfies it in Node and the browser. */
export interface SqlDatabase {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export type CheckResult =
  | {
      readonly ok: true;
      readonly status: "error" | "warning" | "ok";
      readonly verdicts: Verdict[];
      readonly plan: ExplainOutput;
      readonly ms: number;
    }
  | { readonly ok: false; readonly error: SqlError; readonly ms: number };

export interface SqlError {
  readonly message: string;
  /** 1-based character offset into the user's SQL, when PostgreSQL reports one. */
  readonly position?: number;
}

const EXPLAIN_PREFIX = "EXPLAIN (FORMAT JSON) ";

/** Trailing semicolons and whitespace are harmless to people but break the EXPLAIN wrapper. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/u, "").replace(/^\s+/u, "");
}

function toSqlError(err: unknown, prefixLength: number, leadTrim: number): SqlError {
  const e = err as { message?: unknown; position?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(err);
  const raw = Number(e?.position);
  const position =
    Number.isFinite(raw) && raw > prefixLength ? raw - prefixLength + leadTrim : undefined;
  return position === undefined ? { message } : { message, position };
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
    await db.query("SET LOCAL enable_seqscan = off");
    const result = await db.query<{ "QUERY PLAN": ExplainOutput[] }>(EXPLAIN_PREFIX + statement);
    const plan = result.rows[0]?.["QUERY PLAN"][0];
    if (!plan) throw new Error("EXPLAIN returned no plan.");
    const verdicts = analyzePlan(plan, ctx);
    return {
      ok: true,
      status: overallStatus(verdicts),
      verdicts,
      plan,
      ms: performance.now() - started,
    };
  } catch (err) {
    return {
      ok: false,
      error: toSqlError(err, EXPLAIN_PREFIX.length, leadTrim),
      ms: performance.now() - started,
    };
  } finally {
    await db.query("ROLLBACK").catch(() => undefined);
  }
}
