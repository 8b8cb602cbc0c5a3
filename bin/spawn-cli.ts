/** For tests: runs the real executable, as an agent or CI would. */
import { execFile } from "node:child_process";
import path from "node:path";

export const BIN = path.join(import.meta.dirname, "personhog-rpc.mjs");

/** A small design that passes every rule, as the JSON text a command reads. */
export const COUNT_DESIGN = JSON.stringify({
  rpcName: "GetPersonCount",
  domain: "person",
  tables: ["posthog_person"],
  operation: "read",
  request: [{ name: "team_id", type: "int64" }],
  response: { kind: "new", fields: [{ name: "count", type: "int64" }] },
});

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `env` is added to this process's environment; `nodeArgs` go before the executable. */
export function runCli(
  args: string[],
  input?: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      { env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
