/**
 * `personhog-rpc check-sql`: one statement, or a batch of them in one process (`--batch` for a
 * .sql file, `--jsonl` for JSON lines), each checked in the same lab and bounded to 5 s. A batch
 * prints one result per statement, in order, and exits with its worst statement's code.
 */
import type { AdviceResult } from "../lib/sql/try-fix";
import { failsDesign, type CheckStatus } from "../lib/sql/verdict";
import {
  MAX_BATCH_STATEMENTS,
  parseJsonLines,
  splitSqlStatements,
  type BatchItem,
} from "./batch-input";
import { adviceJson, formatAdvice, formatText, toJson, type Checked } from "./check-format";
import { adviseInCliLab, checkInCliLab, expectManyChecks } from "./cli-lab";
import type { Io } from "./io";
import { readFileText } from "./read-input";

const OPTIONS = ["--json", "--advise", "--batch", "--jsonl"];
/** A batch asks the lab for this many statements' checks ahead of the one it prints. */
const CHECKS_AHEAD = 4;

/**
 * One statement's outcome. Exit 2 has two kinds: `bad-input` (SQL the check refuses or PostgreSQL
 * cannot parse, a batch line that cannot be read) and `stopped` (the 5 s limit, or a lab that did
 * not start).
 */
type Outcome =
  | { readonly exit: 0 | 1; readonly result: Checked; readonly advice?: AdviceResult }
  | {
      readonly exit: 2;
      readonly status: "bad-input" | "stopped";
      readonly error: { readonly message: string; readonly position?: number };
      /** The line printed for it. */
      readonly text: string;
    };

const stopped = (message: string): Outcome => ({
  exit: 2,
  status: "stopped",
  error: { message },
  text: message,
});

async function checkOne(sql: string, advise: boolean, io: Io): Promise<Outcome> {
  const checked = await checkInCliLab(sql, io);
  if (!checked.ok) return stopped(checked.message);
  const result = checked.value;
  if (!result.ok) {
    const { message, position } = result.error;
    const at = position ? ` (at character ${position})` : "";
    const error = position ? { message, position } : { message };
    return { exit: 2, status: "bad-input", error, text: `SQL error${at}: ${message}` };
  }
  const exit = failsDesign(result.status) ? 1 : 0;
  if (!advise) return { exit, result };
  const advised = await adviseInCliLab(sql, io);
  return advised.ok ? { exit, result, advice: advised.value } : stopped(advised.message);
}

function outcomeJson(outcome: Outcome) {
  if (outcome.exit === 2) return { status: outcome.status, error: outcome.error };
  const json = toJson(outcome.result);
  return outcome.advice ? { ...json, advice: adviceJson(outcome.advice) } : json;
}

function outcomeText(outcome: Outcome): string {
  if (outcome.exit === 2) return `${outcome.text}\n`;
  return formatText(outcome.result) + (outcome.advice ? formatAdvice(outcome.advice) : "");
}

interface Args {
  readonly options: Set<string>;
  /** The statement, or for a batch the file (`-`: standard input). */
  readonly operand: string;
}

/** `--name`: two dashes and a lower-case word, nothing else (SQL comments have a space or a newline). */
function looksLikeOption(arg: string): boolean {
  if (!arg.startsWith("--") || arg.length < 3) return false;
  for (const c of arg.slice(2)) if (!((c >= "a" && c <= "z") || c === "-")) return false;
  return true;
}

/**
 * Known options, anywhere before a `--`; everything else is the statement (or the batch's file),
 * so SQL that starts with a `--` comment is read as SQL. Only a bare word that looks like an
 * option (`--jsn`) is refused as an unknown option, and `--` makes even that a statement.
 */
function checkSqlArgs(args: string[]): Args | string {
  const options = new Set<string>();
  const unknown: string[] = [];
  const operands: string[] = [];
  let ended = false;
  for (const arg of args) {
    if (!ended && arg === "--") ended = true;
    else if (!ended && OPTIONS.includes(arg)) options.add(arg);
    else if (!ended && looksLikeOption(arg)) unknown.push(arg);
    else operands.push(arg);
  }
  if (options.has("--batch") && options.has("--jsonl"))
    return "check-sql takes --batch (a .sql file) or --jsonl (JSON lines), not both.\n";
  const batch = options.has("--batch") || options.has("--jsonl");
  const [operand] = operands;
  if (operand !== undefined && operands.length === 1 && unknown.length === 0)
    return { options, operand };
  const detail = unknown.length
    ? `; unknown option ${unknown.join(", ")} (a statement that starts with -- can follow "--")`
    : "";
  return batch
    ? `check-sql ${options.has("--batch") ? "--batch" : "--jsonl"} takes one file (or - for standard input)${detail}.\n`
    : `check-sql takes one statement (or - for standard input)${detail}.\n`;
}

async function checkStatement({ options, operand }: Args, io: Io): Promise<number> {
  const sql = operand === "-" ? await io.readStdin() : operand;
  const outcome = await checkOne(sql, options.has("--advise"), io);
  if (outcome.exit === 2) io.stderr(`${outcome.text}\n`);
  else if (options.has("--json")) io.stdout(`${JSON.stringify(outcomeJson(outcome), null, 2)}\n`);
  else io.stdout(outcomeText(outcome));
  return outcome.exit;
}

type Tally = Partial<Record<CheckStatus | "bad-input" | "stopped", number>>;
const TALLY_ORDER = [
  "pass",
  "warning",
  "error",
  "nothing-checked",
  "bad-input",
  "stopped",
] as const;

function header(index: number, item: BatchItem): string {
  const id = item.id === undefined ? "" : ` · id ${JSON.stringify(item.id)}`;
  return `=== ${index} · line ${item.line}${id}\n`;
}

function itemOutcome(item: BatchItem, advise: boolean, io: Io): Promise<Outcome> {
  if ("sql" in item) return checkOne(item.sql, advise, io);
  const error = { message: item.error };
  return Promise.resolve({ exit: 2, status: "bad-input", error, text: item.error });
}

/**
 * Every statement in order, each result printed as soon as it is known: a block of text each, or
 * one JSON object per line with --json. The exit code is the worst statement's.
 */
async function checkBatch({ options, operand }: Args, io: Io): Promise<number> {
  const text = operand === "-" ? await io.readStdin() : await readFileText(operand);
  const items = options.has("--batch") ? splitSqlStatements(text) : parseJsonLines(text);
  if (items.length === 0) {
    io.stderr("The batch holds no statement.\n");
    return 2;
  }
  if (items.length > MAX_BATCH_STATEMENTS) {
    io.stderr(
      `The batch holds ${items.length.toLocaleString("en-US")} statements; a batch takes at most ${MAX_BATCH_STATEMENTS.toLocaleString("en-US")}.\n`,
    );
    return 2;
  }
  if (items.length > 1) expectManyChecks();
  const advise = options.has("--advise");
  // Asked ahead of the one being printed, so the lab's thread always has the next check waiting.
  const ahead: Promise<Outcome>[] = [];
  const ask = (i: number) => {
    const item = items[i];
    if (!item) return;
    const outcome = itemOutcome(item, advise, io);
    // Awaited in its turn; until then a throw must not count as unhandled.
    outcome.catch(() => undefined);
    ahead[i] = outcome;
  };
  for (let i = 0; i < CHECKS_AHEAD; i++) ask(i);
  const tally: Tally = {};
  let worst = 0;
  for (const [i, item] of items.entries()) {
    const outcome = await ahead[i]!;
    delete ahead[i];
    ask(i + CHECKS_AHEAD);
    worst = Math.max(worst, outcome.exit);
    const status = outcome.exit === 2 ? outcome.status : outcome.result.status;
    tally[status] = (tally[status] ?? 0) + 1;
    if (options.has("--json")) {
      const id = item.id === undefined ? {} : { id: item.id };
      const line = { index: i + 1, line: item.line, ...id, exit: outcome.exit };
      io.stdout(`${JSON.stringify({ ...line, ...outcomeJson(outcome) })}\n`);
    } else io.stdout(`${header(i + 1, item)}${outcomeText(outcome)}\n`);
  }
  if (!options.has("--json")) {
    const counts = TALLY_ORDER.filter((s) => tally[s]).map((s) => `${tally[s]} ${s}`);
    io.stdout(`Batch of ${items.length}: ${counts.join(", ")}; exit ${worst}.\n`);
  }
  return worst;
}

export async function checkSqlCommand(args: string[], io: Io): Promise<number> {
  const parsed = checkSqlArgs(args);
  if (typeof parsed === "string") {
    io.stderr(parsed);
    return 2;
  }
  const batch = parsed.options.has("--batch") || parsed.options.has("--jsonl");
  return batch ? checkBatch(parsed, io) : checkStatement(parsed, io);
}
