/**
 * personhog-rpc: the workbench's core, headless. Exit codes: 0 every table read through an index
 * (warnings and info alone are fine), 1 an error was flagged, 2 bad input or usage.
 */
import { adviseIndex, type AdviceResult } from "../lib/sql/advise";
import { bootLab } from "../lib/sql/boot";
import { checkSql, type CheckResult } from "../lib/sql/session";
import { RULES } from "../lib/sql/verdict";
import { generateCommand } from "./generate-command";
import { InputError, terminalIo, type Io } from "./io";
import { linkCommand } from "./link-command";
import { prCommand } from "./pr-command";
import { schemaCommand } from "./schema-command";

export type { Io } from "./io";
export { internalError, processIo } from "./process-io";

export const USAGE = `Usage: personhog-rpc <command> [options]

Commands:
  check-sql [--json] [--advise] <sql | ->
        EXPLAIN the statement against the persons schema and print verdicts.
        "-" reads the statement from standard input. --advise also tries the index
        that would fix a flagged query (created in a transaction and rolled back).
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

async function checkSqlCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const advise = args.includes("--advise");
  const rest = args.filter((a) => a !== "--json" && a !== "--advise");
  const unknown = rest.filter((a) => a.startsWith("--"));
  if (unknown.length > 0 || rest.length !== 1) {
    const detail = unknown.length ? `; unknown option ${unknown.join(", ")}` : "";
    io.stderr(`check-sql takes one statement (or - for standard input)${detail}.\n`);
    return 2;
  }
  const sql = rest[0] === "-" ? await io.readStdin() : (rest[0] ?? "");
  const lab = await bootLab();
  try {
    const result = await checkSql(lab.db, lab.ctx, sql);
    if (!result.ok) {
      const at = result.error.position ? ` (at character ${result.error.position})` : "";
      io.stderr(`SQL error${at}: ${result.error.message}\n`);
      return 2;
    }
    const advice = advise ? await adviseIndex(lab.db, lab.ctx, sql) : undefined;
    if (json) {
      const payload = advice ? { ...toJson(result), advice: adviceJson(advice) } : toJson(result);
      io.stdout(`${JSON.stringify(payload, null, 2)}\n`);
    } else {
      io.stdout(formatText(result) + (advice ? formatAdvice(advice) : ""));
    }
    return result.status === "error" ? 1 : 0;
  } finally {
    await lab.db.close();
  }
}

function rulesCommand(io: Io): number {
  const lines = Object.entries(RULES).map(([id, text]) => `${id.padEnd(22)} ${text}`);
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
