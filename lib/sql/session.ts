/**
 * Runs a candidate statement against the lab database and analyses it. Never throws: every
 * outcome is a result value with timing.
 *
 * A check is one batch of protocol messages, one round trip (verdicts follow typing): begin,
 * planner settings, Parse of the user's statement as a named prepared statement (a Parse holds
 * exactly one statement, so `SELECT 1; DROP …` is refused by the server), EXPLAIN EXECUTE of it
 * with representative values, ROLLBACK and DEALLOCATE. The user's text is only ever parsed and
 * explained, never bound or executed, and EXPLAIN never runs with ANALYZE. Whatever fails, the
 * transaction is rolled back and the prepared statement dropped.
 */
import { analyzePlan, type Analysis, type AnalysisContext } from "./analyze";
import { guessedLiterals, literalForOid } from "./params";
import type { ExplainOutput } from "./plan";
import { overallStatus, type CheckStatus } from "./verdict";
import { concatBytes } from "../bytes";
import {
  closeStatement,
  describeStatement,
  parseMessage,
  runFixed,
  syncMessage,
  type BackendMessage,
  type WireDatabase,
} from "./wire";

/** The slice of PGlite's interface the lab needs; PGlite satisfies it in Node and the browser. */
export interface SqlDatabase extends WireDatabase {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export type CheckResult =
  | ({
      readonly ok: true;
      readonly status: CheckStatus;
      readonly plan: ExplainOutput;
      /** The type OID of each `$n`, as PostgreSQL described the statement. */
      readonly params: readonly number[];
      readonly ms: number;
    } & Omit<Analysis, "relations">)
  | { readonly ok: false; readonly error: SqlError; readonly ms: number };

export interface SqlError {
  readonly message: string;
  /** 1-based character offset into the user's SQL, when PostgreSQL reports one. */
  readonly position?: number;
}

const STATEMENT_NAME = "workbench_check";
/** Plans like a busy OLTP database: index lookups and nested loops, never a scan or hash of a table. */
const BEGIN_CHECK = [
  "BEGIN",
  "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), " +
    "set_config('enable_mergejoin', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)",
].map(runFixed);
/** ROLLBACK keeps prepared statements, so the statement is closed too; neither can fail. */
const END_CHECK = [runFixed("ROLLBACK"), closeStatement(STATEMENT_NAME)];
const NOT_PLANNABLE =
  "Only SELECT, INSERT, UPDATE, DELETE and MERGE statements have a plan to check.";

/** Trailing semicolons and whitespace are harmless to people but not part of the statement. */
export function trimStatement(sql: string): string {
  return sql.replace(/[\s;]+$/u, "").replace(/^\s+/u, "");
}

/** The EXPLAIN of the prepared statement; its text is ours alone (literals from params.ts). */
function explainText(literals: readonly string[]): string {
  const args = literals.length ? `(${literals.join(", ")})` : "";
  return `EXPLAIN (FORMAT JSON) EXECUTE ${STATEMENT_NAME}${args}`;
}

/** A failed check step: where it failed decides whether the position points into the user's SQL. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly stage: "setup" | "statement" | "explain",
    readonly position?: number,
  ) {
    super(message);
  }
}

interface BatchOutcome {
  readonly plan?: unknown;
  readonly types?: readonly number[];
  readonly failure?: CheckFailure;
}

/** Sends the messages and a Sync in one round trip; errors come back as messages. */
async function send(db: SqlDatabase, messages: readonly Uint8Array[]) {
  const batch = concatBytes([...messages, syncMessage()]);
  // The lab's data directory is in memory: there is nothing to sync to.
  return (await db.execProtocol(batch, { throwOnError: false, syncToFs: false })).messages;
}

/**
 * One round trip. `setup` is the lab's own SQL run inside the transaction before the statement is
 * prepared (index advice creates its index there); `clean` first ends a failed earlier batch.
 */
async function runBatch(
  db: SqlDatabase,
  statement: string,
  literals: readonly string[],
  setup: readonly string[],
  clean: boolean,
): Promise<BatchOutcome> {
  const messages = await send(db, [
    ...(clean ? END_CHECK : []),
    ...BEGIN_CHECK,
    ...setup.map(runFixed),
    parseMessage(STATEMENT_NAME, statement),
    describeStatement(STATEMENT_NAME),
    runFixed(explainText(literals)),
    ...END_CHECK,
  ]);
  // Each statement before the user's answers one CommandComplete; the Close answers CloseComplete.
  return readBatch(messages, (clean ? 1 : 0) + BEGIN_CHECK.length + setup.length);
}

function readBatch(messages: readonly BackendMessage[], commandsBefore: number): BatchOutcome {
  const described = messages.findIndex((m) => m.name === "parameterDescription");
  const types = described >= 0 ? (messages[described]?.dataTypeIDs ?? []) : undefined;
  const error = messages.find((m) => m.name === "error");
  if (error) {
    const message = error.message ?? "The check failed.";
    if (types) return { types, failure: new CheckFailure(message, "explain") };
    const completed = messages.findIndex((m) => m === error);
    const steps = messages.slice(0, completed).filter((m) => m.name === "commandComplete").length;
    if (steps < commandsBefore) return { failure: new CheckFailure(message, "setup") };
    const position = Number(error.position);
    return {
      failure: new CheckFailure(
        message,
        "statement",
        Number.isFinite(position) && position > 0 ? position : undefined,
      ),
    };
  }
  const row = messages.slice(described + 1).find((m) => m.name === "dataRow");
  const text = row?.fields?.[0];
  return { types, plan: typeof text === "string" ? (JSON.parse(text) as unknown[])[0] : undefined };
}

function planOf(value: unknown): ExplainOutput {
  if (!value) throw new CheckFailure("EXPLAIN returned no plan.", "explain");
  // Utility statements (DROP, SET, VACUUM …) explain as a bare label, never as a plan.
  if (typeof value !== "object" || !("Plan" in value)) {
    throw new CheckFailure(NOT_PLANNABLE, "statement");
  }
  return value as ExplainOutput;
}

/** Rolls back and drops the prepared statement: after a failed batch, or after `openExplain`. */
export async function endCheck(db: SqlDatabase): Promise<void> {
  await send(db, END_CHECK).catch(() => undefined);
}

/** A statement's plan and the type OID of each of its parameters. */
export interface Explained {
  readonly plan: ExplainOutput;
  readonly params: readonly number[];
}

/**
 * Explains a trimmed statement in a rolled-back transaction. Values are guessed first; when the
 * server refuses them, the described parameter types give the values for a second try.
 */
export async function explainStatement(
  db: SqlDatabase,
  statement: string,
  setup: readonly string[] = [],
): Promise<Explained> {
  const guessed = guessedLiterals(statement);
  let outcome = await runBatch(db, statement, guessed, setup, false);
  if (outcome.failure?.stage === "explain" && outcome.types) {
    const described = outcome.types.map(literalForOid);
    if (described.join() !== guessed.join()) {
      outcome = await runBatch(db, statement, described, setup, true);
    }
  }
  if (outcome.failure) {
    await endCheck(db);
    throw outcome.failure;
  }
  return { plan: planOf(outcome.plan), params: outcome.types ?? [] };
}

/**
 * For the bench: leaves the statement prepared in an open check transaction and returns the
 * EXPLAIN a check sends, so that one round trip can be timed alone. `endCheck` closes it.
 */
export async function openExplain(db: SqlDatabase, statement: string): Promise<string> {
  const messages = await send(db, [
    ...BEGIN_CHECK,
    parseMessage(STATEMENT_NAME, statement),
    describeStatement(STATEMENT_NAME),
  ]);
  const { types, failure } = readBatch(messages, BEGIN_CHECK.length);
  if (failure || !types) throw failure ?? new Error("The statement was not described.");
  return explainText(types.map(literalForOid));
}

function toSqlError(err: unknown, leadTrim: number): SqlError {
  if (err instanceof CheckFailure) {
    return err.position === undefined
      ? { message: err.message }
      : { message: err.message, position: err.position + leadTrim };
  }
  return { message: err instanceof Error ? err.message : String(err) };
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
    const { plan, params } = await explainStatement(db, statement);
    const { verdicts, statement: kind, tables } = analyzePlan(plan, ctx, statement);
    return {
      ok: true,
      status: overallStatus(verdicts),
      plan,
      params,
      verdicts,
      statement: kind,
      tables,
      ms: performance.now() - started,
    };
  } catch (err) {
    return { ok: false, error: toSqlError(err, leadTrim), ms: performance.now() - started };
  }
}
