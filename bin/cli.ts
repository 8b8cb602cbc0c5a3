/**
 * personhog-rpc: the workbench's core, headless. Exit codes: 0 every table read through an index
 * (warnings and info alone are fine), 1 an error was flagged, 2 bad input or usage, a statement
 * the check refuses, or a check stopped at its time limit.
 */
import type { AdviceResult } from "../lib/sql/advise";
import type { CheckResult } from "../lib/sql/session";
import { RULES } from "../lib/sql/verdict";
import { adviseInCliLab, checkInCliLab } from "./cli-lab";
import { generateCommand } from "./generate-command";
import type { Io } from "./io";
import { linkCommand } from "./link-command";
import { prCommand } from "./pr-command";

export type { Io } from "./io";

export const USAGE = `Usage: personhog-rpc <command> [options]

Commands:
  check-sql [--json] [--advise] [--] <sql | ->
        EXPLAIN the statement against the persons schema and print verdicts.
        "-" reads the statement from standard input. --advise also tries the index
        that would fix a flagged query (created in a transaction and rolled back).
        "--" ends the options. A check is stopped after 5 s (exit 2).
  generate [--json] <design.json | ->
        Every snippet for a design (proto, Python, Node, Rust, verify). Exit 1 when the
        design breaks a rule, 2 when it cannot be read.
  link encode [--omit sql,comments] <design.json | ->
        Print a share link for a design; --omit leaves bulky parts out to shorten it.
  link decode <url>
        Print the design a link holds (exit 2 if it is damaged).
  pr-description [--origin <url>] <design.json | - | url>
        The pull request description for a design or a share link, as Markdown, with its
        SQL checked here. Exit 1 when the SQL is flagged.
  rules                 List the rules the check applies.
  help, --help          Show this help.

Exit codes: 0 passes, 1 an error was flagged, 2 bad input.
`;

type Checked = Extract<CheckResult, { ok: true }>;

function toJson(result: Checked) {
  const { status, statement, tables, verdicts } = result;
  return { status, statement, tables, verdicts };
}

function adviceJson(advice: AdviceResult) {
  if (!advice.ok) return { ok: false, reason: advice.reason };
  const after = advice.after.ok ? toJson(advice.after) : { error: advice.after.error };
  return { ok: true, table: advice.table, ddl: advice.ddl, after };
}

function formatText(result: Checked): string {
  const { kind, operation, locking } = result.statement;
  const tables = result.tables.map((t) => `${t.name} [${t.category ?? "not personhog"}]`);
  const lines = result.verdicts.map(
    (v) =>
      `${v.severity.toUpperCase()} [${v.rule}] ${v.message}${v.advice ? `\n  → ${v.advice}` : ""}`,
  );
  return [
    `Statement: ${kind} (${operation}${locking ? ", locking" : ""})`,
    `Tables: ${tables.join(", ")}`,
    ...lines,
    result.status === "error" ? "FAIL" : "PASS",
    "",
  ].join("\n");
}

function formatAdvice(advice: AdviceResult): string {
  if (!advice.ok) return `Index advice: ${advice.reason}\n`;
  const after = advice.after.ok ? advice.after.status : "error";
  return [
    `Index advice: ${advice.ddl}`,
    `  with it the check says: ${after.toUpperCase()}`,
    "  A new index means a migration in rust/persons_migrations and a conversation with the team.",
    "",
  ].join("\n");
}

const CHECK_OPTIONS = ["--json", "--advise"];

/**
 * Known options, anywhere before a `--`; everything else is the statement, so SQL that starts
 * with a `--` comment is read as SQL. Only a bare word that looks like an option (`--jsn`) is
 * refused as an unknown option, and `--` makes even that a statement.
 */
function checkSqlArgs(args: string[]): { options: Set<string>; sql: string } | string {
  const options = new Set<string>();
  const unknown: string[] = [];
  const statements: string[] = [];
  let ended = false;
  for (const arg of args) {
    if (!ended && arg === "--") ended = true;
    else if (!ended && CHECK_OPTIONS.includes(arg)) options.add(arg);
    else if (!ended && looksLikeOption(arg)) unknown.push(arg);
    else statements.push(arg);
  }
  const [sql] = statements;
  if (sql !== undefined && statements.length === 1 && unknown.length === 0) return { options, sql };
  const detail = unknown.length
    ? `; unknown option ${unknown.join(", ")} (a statement that starts with -- can follow "--")`
    : "";
  return `check-sql takes one statement (or - for standard input)${detail}.\n`;
}

/** `--name`: two dashes and a lower-case word, nothing else (SQL comments have a space or a newline). */
function looksLikeOption(arg: string): boolean {
  if (!arg.startsWith("--") || arg.length < 3) return false;
  for (const c of arg.slice(2)) if (!((c >= "a" && c <= "z") || c === "-")) return false;
  return true;
}

async function checkSqlCommand(args: string[], io: Io): Promise<number> {
  const parsed = checkSqlArgs(args);
  if (typeof parsed === "string") {
    io.stderr(parsed);
    return 2;
  }
  const sql = parsed.sql === "-" ? await io.readStdin() : parsed.sql;
  const checked = await checkInCliLab(sql);
  if (!checked.ok) {
    io.stderr(`${checked.message}\n`);
    return 2;
  }
  const result = checked.value;
  if (!result.ok) {
    const at = result.error.position ? ` (at character ${result.error.position})` : "";
    io.stderr(`SQL error${at}: ${result.error.message}\n`);
    return 2;
  }
  const advised = parsed.options.has("--advise") ? await adviseInCliLab(sql) : undefined;
  if (advised && !advised.ok) {
    io.stderr(`${advised.message}\n`);
    return 2;
  }
  const advice = advised?.value;
  if (parsed.options.has("--json")) {
    const payload = advice ? { ...toJson(result), advice: adviceJson(advice) } : toJson(result);
    io.stdout(`${JSON.stringify(payload, null, 2)}\n`);
  } else {
    io.stdout(formatText(result) + (advice ? formatAdvice(advice) : ""));
  }
  return result.status === "error" ? 1 : 0;
}

function rulesCommand(io: Io): number {
  const lines = Object.entries(RULES).map(([id, text]) => `${id.padEnd(22)} ${text}`);
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    io.stdout(USAGE);
    return 0;
  }
  if (command === "check-sql") return checkSqlCommand(args, io);
  if (command === "rules") return rulesCommand(io);
  if (command === "generate") return generateCommand(args, io);
  if (command === "link") return linkCommand(args, io);
  if (command === "pr-description") return prCommand(args, io);
  io.stderr(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}
