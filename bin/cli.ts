/**
 * personhog-rpc: the workbench's core, headless. Exit codes: 0 every table read through an index
 * (warnings and info alone are fine), 1 an error was flagged or nothing was checked (a statement
 * that reads no table), 2 bad input or usage, a statement the check refuses, or a check stopped
 * at its time limit.
 */
import { InputError, terminalIo, type Io } from "./io";

export type { Io } from "./io";
export { useCliSetup } from "./cli-setup";
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
  check-sql --batch [--json] [--advise] <file.sql | ->
        Check every statement of a SQL file in one process (split at the semicolons
        outside strings, quoted names, comments and dollar quotes): one result per
        statement, in order, each headed "=== n · line l"; --json prints one JSON object
        per line instead (index, line, id, exit, then the fields above, or status
        bad-input or stopped with an error). Each statement is still stopped after 5 s; the batch
        goes on with a fresh lab. At most 10,000 statements.
  check-sql --jsonl [--json] [--advise] <file | ->
        The same for JSON lines, one statement per line: {"sql": "...", "id": "..."};
        the id (text or a number, optional) comes back with the statement's result.
        A batch exits with its worst statement's code: 2 if any statement or line was
        bad input or stopped, else 1 if any was flagged or checked nothing, else 0.
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
2 bad input or a check stopped at its time limit.
`;

type Command = (args: string[], io: Io) => number | Promise<number>;

/**
 * Each command's module loads when it runs: a command pays only for its own code (apply's
 * parsers, the TypeScript compiler and protobufjs, are slow to load), and only check-sql and
 * pr-description start the lab's thread (the one that loads PGlite).
 */
const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map<
  string,
  () => Promise<Command>
>([
  ["check-sql", async () => (await import("./check-command")).checkSqlCommand],
  ["generate", async () => (await import("./generate-command")).generateCommand],
  ["schema", async () => (await import("./schema-command")).schemaCommand],
  ["link", async () => (await import("./link-command")).linkCommand],
  ["pr-description", async () => (await import("./pr-command")).prCommand],
  ["apply", async () => (await import("./apply-command")).applyCommand],
  ["rules", async () => (await import("./rules-command")).rulesCommand],
]);

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
  const load = COMMANDS.get(command);
  if (load) return (await load())(args, io);
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
