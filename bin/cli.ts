/**
 * personhog-rpc: the workbench's core, headless. Exit codes: 0 every table read through an index
 * (warnings and info alone are fine), 1 an error was flagged, 2 bad input or usage.
 */
import { bootLab } from "../lib/sql/boot";
import { checkSql, type CheckResult } from "../lib/sql/session";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export const USAGE = `Usage: personhog-rpc <command> [options]

Commands:
  check-sql [--json] <sql | ->   EXPLAIN the statement against the persons schema and print verdicts.
                                 "-" reads the statement from standard input.
  help, --help                   Show this help.

Exit codes: 0 passes, 1 an error was flagged, 2 bad input.
`;

function formatText(result: Extract<CheckResult, { ok: true }>): string {
  const lines = result.verdicts.map(
    (v) =>
      `${v.severity.toUpperCase()} [${v.rule}] ${v.message}${v.advice ? `\n  → ${v.advice}` : ""}`,
  );
  return `${lines.join("\n")}\n${result.status === "error" ? "FAIL" : "PASS"}\n`;
}

async function checkSqlCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  const unknown = rest.filter((a) => a.startsWith("--"));
  if (unknown.length > 0 || rest.length !== 1) {
    io.stderr(
      `check-sql takes one statement (or - for standard input)${unknown.length ? `; unknown option ${unknown.join(", ")}` : ""}.\n`,
    );
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
    io.stdout(
      json
        ? `${JSON.stringify({ status: result.status, verdicts: result.verdicts }, null, 2)}\n`
        : formatText(result),
    );
    return result.status === "error" ? 1 : 0;
  } finally {
    await lab.db.close();
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "check-sql") return checkSqlCommand(args, io);
  io.stderr(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}
