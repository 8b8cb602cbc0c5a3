/**
 * personhog-rpc: the workbench's core, headless. Exit codes: 0 every table read through an index
 * (warnings and info alone are fine), 1 an error was flagged or nothing was checked (a statement
 * that reads no table), 2 bad input or usage, a statement the check refuses, or a check stopped
 * at its time limit.
 */
import { fixesOf, fixKey, type AdviceResult } from "../lib/sql/try-fix";
import type { CheckResult } from "../lib/sql/session";
import { RULES } from "../lib/sql/rules";
import { failsDesign, type CheckStatus, type Fix } from "../lib/sql/verdict";
import { adviseInCliLab, checkInCliLab } from "./cli-lab";
import { generateCommand } from "./generate-command";
import { InputError, terminalIo, type Io } from "./io";
import { linkCommand } from "./link-command";
import { prCommand } from "./pr-command";
import { schemaCommand } from "./schema-command";

export type { Io } from "./io";
export { internalError, processIo } from "./process-io";

export const USAGE = `Usage: personhog-rpc <command> [options]

Commands:
  check-sql [--json] [--advise] [--] <sql | ->
        EXPLAIN the statement against the persons schema and print verdicts and the
        fixes a reviewer would give, most preferred first. "-" reads the statement from
        standard input. Status: pass, warning (needs a reviewer's OK), error, or
        nothing-checked (the statement reads no table: exit 1). --json prints the status,
        verdicts and fixes as JSON. --advise also tries each fix: the rewritten statement,
        or the index created in a transaction and rolled back. "--" ends the options.
        A check is stopped after 5 s (exit 2).
  generate [--json | --out DIR [--force]] <design.json | ->
        Every snippet for a design (proto, Python, Node, Rust, verify). --out writes them
        as files under DIR/<RpcName>/: fragments named *.fragment.*, and a README saying
        where each piece goes; a non-empty DIR/<RpcName> is refused unless --force. Exit 1
        when the design breaks a rule, 2 when it cannot be read or written.
  schema                The design's JSON Schema, for agents and editors writing designs.
  link encode [--omit sql,comments] <design.json | ->
        Print a share link for a design; --omit leaves bulky parts out to shorten it.
  link decode <url>
        Print the design a link holds (exit 2 if it is damaged).
  pr-description [--origin <url>] <design.json | - | url>
        The pull request description for a design or a share link, as Markdown, with its
        SQL checked here. Exit 1 when the SQL is flagged, 2 when the design or link cannot
        be read whole (as link decode). --origin: http(s), host, optional port and path.
  apply <design.json | - | url> --repo DIR [--target current|guide] [--dry-run] [--force]
        Land the design in a PostHog checkout: every file or none, refused (exit 2) when an
        anchor is missing, the RPC name exists with another shape, or a file to change has
        uncommitted changes (unless --force). Again: "already applied". --dry-run prints a
        diff for git apply. Afterwards the changed files are parsed (exit 1 if one fails).
  rules                 List the rules the check applies, with their severity.
  help, --help          Show this help.

Exit codes: 0 passes (warnings included), 1 an error was flagged or nothing was checked,
2 bad input.
`;

type Checked = Extract<CheckResult, { ok: true }>;

function fixJson(fix: Fix) {
  const { index, ...rest } = fix;
  return index ? { ...rest, index: { name: index.name, columns: index.columns } } : rest;
}

/**
 * The fixes in a field of their own, each once; each verdict lists the positions of its fixes in
 * that list, most preferred first.
 */
function toJson(result: Checked) {
  const { status, statement, tables } = result;
  const fixes = fixesOf(result);
  const keys = fixes.map(fixKey);
  const verdicts = result.verdicts.map((v) => ({
    ...v,
    fixes: v.fixes.map((f) => keys.indexOf(fixKey(f))),
  }));
  return { status, statement, tables, verdicts, fixes: fixes.map(fixJson) };
}

function trialStatus(after: CheckResult): CheckStatus | "sql-error" {
  return after.ok ? after.status : "sql-error";
}

function adviceJson(advice: AdviceResult) {
  const trials = advice.trials.map((t) => ({
    kind: t.fix.kind,
    sql: t.fix.sql,
    ...(t.fix.ddl ? { ddl: t.fix.ddl } : {}),
    status: trialStatus(t.after),
    ...(t.after.ok ? {} : { error: t.after.error.message }),
  }));
  if (!advice.ok) return { ok: false, reason: advice.reason, trials };
  const after = advice.after.ok ? toJson(advice.after) : { error: advice.after.error };
  return { ok: true, table: advice.table, ddl: advice.ddl, after, trials };
}

const STATUS_LINE: Record<CheckStatus, string> = {
  pass: "PASS",
  warning: "WARNING: passes only with a reviewer's OK",
  error: "FAIL",
  "nothing-checked": "NOTHING CHECKED: fails, the statement reads no table",
};

function fixLines(fixes: readonly Fix[]): string[] {
  return fixes.flatMap((fix, i) => [
    `  fix ${i + 1} (${fix.kind}): ${fix.sentence}`,
    ...(fix.ddl ? [`     index: ${fix.ddl}`] : []),
    ...(fix.sql ? [`     try: ${fix.sql}`] : []),
  ]);
}

function formatText(result: Checked): string {
  const { kind, operation, locking } = result.statement;
  const tables = result.tables.map((t) => `${t.name} [${t.category ?? "not personhog"}]`);
  const lines = result.verdicts.flatMap((v) => [
    `${v.severity.toUpperCase()} [${v.rule}] ${v.message}`,
    ...(v.fixes.length ? fixLines(v.fixes) : v.advice ? [`  → ${v.advice}`] : []),
  ]);
  return [
    `Statement: ${kind} (${operation}${locking ? ", locking" : ""})`,
    `Tables: ${tables.length ? tables.join(", ") : "none"}`,
    ...lines,
    STATUS_LINE[result.status],
    "",
  ].join("\n");
}

function formatAdvice(advice: AdviceResult): string {
  const tried = advice.trials.map(
    (t, i) =>
      `  ${i + 1}. ${t.fix.kind}: the check then says ${trialStatus(t.after).toUpperCase()}`,
  );
  const header = advice.ok
    ? [
        `Index advice: ${advice.ddl}`,
        "  A new index means a migration in rust/persons_migrations and a conversation with the team.",
      ]
    : [`Index advice: ${advice.reason}`];
  const trials = tried.length
    ? ["Fixes tried (indexes in a rolled-back transaction):", ...tried]
    : [];
  return [...header, ...trials, ""].join("\n");
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
  return failsDesign(result.status) ? 1 : 0;
}

function rulesCommand(io: Io): number {
  const lines = RULES.map((r) => `${r.id.padEnd(22)} ${r.severity.padEnd(7)} ${r.summary}`);
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

async function run(argv: string[], io: Io): Promise<number> {
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
  if (command === "schema") return schemaCommand(args, io);
  // Loaded on demand: apply's parsers (the TypeScript compiler, protobufjs) are slow to load.
  if (command === "apply") return (await import("./apply-command")).applyCommand(args, io);
  io.stderr(`Unknown command ${JSON.stringify(command.slice(0, 60))}.\n\n${USAGE}`);
  return 2;
}

/** Every command runs behind the terminal rule; unusable input found anywhere exits 2. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io = terminalIo(rawIo);
  try {
    return await run(argv, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
}
