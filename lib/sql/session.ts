/**
 * Runs a candidate statement against the lab database and analyses it. Never throws: every
 * outcome is a result value with timing.
 *
 * What is accepted is decided first, from the text alone (plannable.ts): one statement with a
 * plan, within the bounds. Then two round trips of protocol messages:
 * 1. BEGIN, the planner settings, any setup of the lab's own (index advice), a Parse of the user's
 *    statement under a fresh random name, a Describe of it, Sync. Nothing that could change state
 *    follows the user's Parse.
 * 2. Only once the reply confirms the Parse (ParseComplete) and describes its parameters:
 *    EXPLAIN (FORMAT JSON) EXECUTE with a value for each described type, ROLLBACK, Close, Sync.
 * The safety does not rest on the server skipping messages after an error: PGlite drops a Parse
 * nested too deeply (a few hundred levels on Node's main thread, a few thousand in a worker, as
 * the stack allows) without any error and runs whatever follows it. The user's text
 * is only ever parsed and explained (never bound, executed or analysed with ANALYZE), and every
 * path ends with the transaction rolled back and the statement closed.
 */
import { conflictHint } from "./conflict-hint";
import { analyzePlan, type Analysis, type AnalysisContext } from "./analyze";
import { literalForOid } from "./params";
import type { ExplainOutput } from "./plan";
import { NOT_PLANNABLE, plannableStatement } from "./plannable";
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

/**
 * A check's result without the plan (EXPLAIN's JSON): what readers of the analysis alone (a review,
 * the CLI's output) take, and what the CLI's lab thread sends, since cloning the plan into the
 * message cost more than all the rest of it.
 */
export type CheckReport =
  Exclude<CheckResult, { ok: true }> | Omit<Extract<CheckResult, { ok: true }>, "plan">;

export interface SqlError {
  readonly message: string;
  /** 1-based character offset into the user's SQL, when PostgreSQL reports one. */
  readonly position?: number;
}

/** Plans like a busy OLTP database: index lookups and nested loops, never a scan or hash of a table. */
const BEGIN_CHECK = [
  "BEGIN",
  "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), " +
    "set_config('enable_mergejoin', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)",
];
const UNCONFIRMED =
  "The database did not confirm that it prepared the statement, so nothing ran with it. PGlite " +
  "does this, without an error, for an expression nested too deeply: simplify it.";

/**
 * A fresh name per check: no text can name the lab's statement (`EXECUTE workbench_check` once
 * made the EXPLAIN explain itself, forever). Statements that name prepared statements are refused
 * anyway; this is the second lock.
 */
function statementName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `workbench_check_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** ROLLBACK keeps prepared statements, so the statement is closed too; neither can fail. */
function endMessages(name: string): Uint8Array[] {
  return [runFixed("ROLLBACK"), closeStatement(name)];
}

/** The EXPLAIN of the prepared statement; its text is ours alone (literals from params.ts). */
function explainText(name: string, types: readonly number[]): string {
  const args = types.length ? `(${types.map(literalForOid).join(", ")})` : "";
  return `EXPLAIN (FORMAT JSON) EXECUTE ${name}${args}`;
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

/** Sends the messages and a Sync in one round trip; errors come back as messages. */
async function send(db: SqlDatabase, messages: readonly Uint8Array[]) {
  const batch = concatBytes([...messages, syncMessage()]);
  // The lab's data directory is in memory: there is nothing to sync to.
  const { messages: replies } = await db.execProtocol(batch, {
    throwOnError: false,
    syncToFs: false,
  });
  // Notices and setting reports may come between any two replies; they answer no message.
  return replies.filter((m) => m.name !== "notice" && m.name !== "parameterStatus");
}

function statementFailure(error: BackendMessage): CheckFailure {
  const position = Number(error.position);
  return new CheckFailure(
    error.message ?? "The statement was refused.",
    "statement",
    Number.isFinite(position) && position > 0 ? position : undefined,
  );
}

/**
 * Reads the first round trip in order: each of our `steps` completes, then the user's Parse is
 * confirmed and its parameters described. Anything else is a failure, never a guess.
 */
function readPrepared(replies: readonly BackendMessage[], steps: number): readonly number[] {
  let done = 0;
  let i = 0;
  for (; i < replies.length && done < steps; i++) {
    const reply = replies[i];
    if (reply?.name === "error") {
      throw new CheckFailure(reply.message ?? "The check could not start.", "setup");
    }
    if (reply?.name === "commandComplete") done++;
  }
  if (done < steps) throw new CheckFailure("The check could not start.", "setup");
  const parsed = replies[i];
  // 26000 (no such prepared statement) is the Describe's answer when the Parse left nothing behind.
  if (parsed?.name === "error" && parsed.code !== "26000") throw statementFailure(parsed);
  if (parsed?.name !== "parseComplete") throw new CheckFailure(UNCONFIRMED, "statement");
  const described = replies[i + 1];
  if (described?.name !== "parameterDescription") {
    throw new CheckFailure(described?.message ?? UNCONFIRMED, "statement");
  }
  return described.dataTypeIDs ?? [];
}

/** The first round trip; returns the described parameter types. */
async function prepare(
  db: SqlDatabase,
  name: string,
  statement: string,
  setup: readonly string[],
): Promise<readonly number[]> {
  const replies = await send(db, [
    ...[...BEGIN_CHECK, ...setup].map(runFixed),
    parseMessage(name, statement),
    describeStatement(name),
  ]);
  return readPrepared(replies, BEGIN_CHECK.length + setup.length);
}

/** True when the reply ends outside any transaction with the statement closed. */
function settled(replies: readonly BackendMessage[]): boolean {
  const last = replies[replies.length - 1];
  return (
    last?.name === "readyForQuery" &&
    last.status === "I" &&
    replies.some((m) => m.name === "closeComplete")
  );
}

function planOf(replies: readonly BackendMessage[]): ExplainOutput {
  const error = replies.find((m) => m.name === "error");
  if (error) throw new CheckFailure(error.message ?? "EXPLAIN failed.", "explain");
  const text = replies.find((m) => m.name === "dataRow")?.fields?.[0];
  const value = typeof text === "string" ? (JSON.parse(text) as unknown[])[0] : undefined;
  if (!value) throw new CheckFailure("EXPLAIN returned no plan.", "explain");
  // Utility statements explain as a bare label, never as a plan; plannable.ts refuses them first.
  if (typeof value !== "object" || !("Plan" in value)) {
    throw new CheckFailure(NOT_PLANNABLE, "statement");
  }
  return value as ExplainOutput;
}

/** A statement's plan and the type OID of each of its parameters. */
export interface Explained {
  readonly plan: ExplainOutput;
  readonly params: readonly number[];
}

/**
 * Explains an accepted statement (see `plannableStatement`) in a rolled-back transaction. `setup`
 * is the lab's own SQL, run inside the transaction before the statement is prepared (index advice
 * creates its index there).
 */
export async function explainStatement(
  db: SqlDatabase,
  statement: string,
  setup: readonly string[] = [],
): Promise<Explained> {
  const name = statementName();
  let ended = false;
  try {
    const params = await prepare(db, name, statement, setup);
    const replies = await send(db, [runFixed(explainText(name, params)), ...endMessages(name)]);
    ended = settled(replies);
    return { plan: planOf(replies), params };
  } finally {
    // A failure anywhere above (an error, an unconfirmed Parse, a lost reply) still rolls back.
    if (!ended) await send(db, endMessages(name)).catch(() => undefined);
  }
}

/**
 * For the bench: prepares the statement in an open check transaction exactly as a check does and
 * returns the EXPLAIN a check sends, so that round trip can be timed alone; `end` closes it.
 */
export async function openExplain(
  db: SqlDatabase,
  statement: string,
): Promise<{ explain: string; end: () => Promise<void> }> {
  const name = statementName();
  const end = async () => void (await send(db, endMessages(name)));
  try {
    return { explain: explainText(name, await prepare(db, name, statement, [])), end };
  } catch (err) {
    await end();
    throw err;
  }
}

function toSqlError(err: unknown, leadTrim: number, statement: string): SqlError {
  if (err instanceof CheckFailure) {
    const hint = conflictHint(err.message, statement);
    const message = hint ? `${err.message}. ${hint}` : err.message;
    return err.position === undefined
      ? { message }
      : { message, position: err.position + leadTrim };
  }
  return { message: err instanceof Error ? err.message : String(err) };
}

export async function checkSql(
  db: SqlDatabase,
  ctx: AnalysisContext,
  sql: string,
): Promise<CheckResult> {
  const started = performance.now();
  const accepted = plannableStatement(sql);
  if (!accepted.ok) return { ok: false, error: accepted.refusal, ms: 0 };
  try {
    return await explainAndAnalyze(db, ctx, accepted.statement, started);
  } catch (err) {
    return {
      ok: false,
      error: toSqlError(err, accepted.offset, accepted.statement),
      ms: performance.now() - started,
    };
  }
}

/**
 * Explains a statement that passed the plannable gate (after `setup`, in the same transaction) and
 * analyses its plan: a successful check, timed from `started`. Errors are thrown for the caller to
 * word.
 */
export async function explainAndAnalyze(
  db: SqlDatabase,
  ctx: AnalysisContext,
  statement: string,
  started: number,
  setup: readonly string[] = [],
): Promise<CheckResult> {
  const { plan, params } = await explainStatement(db, statement, setup);
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
}
