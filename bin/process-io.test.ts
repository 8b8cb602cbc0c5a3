/** The executable's own Io: bounded, UTF-8 only standard input, a closed pipe, an unforeseen throw. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { internalError } from "./process-io";

const BIN = path.join(import.meta.dirname, "personhog-rpc.mjs");

function run(
  args: string[],
  input: string | Buffer,
  { closeStdout = false } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = "";
    let stderr = "";
    if (closeStdout) child.stdout.destroy();
    else child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdin.on("error", () => undefined); // the CLI may stop reading early
    child.stdin.end(input);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const DESIGN = JSON.stringify({
  target: "current",
  rpcName: "GetPersonCount",
  tables: ["posthog_person"],
  request: [{ name: "team_id", type: "int64" }],
  response: { kind: "new", fields: [{ name: "count", type: "int64" }] },
});

describe("the executable's input and output", () => {
  it("stops reading standard input past 1 MiB, with exit 2", async () => {
    const r = await run(["link", "encode", "-"], " ".repeat(3 * 1024 * 1024));
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "Standard input is larger than 1 MiB; it was not read.\n");
  });

  it("refuses standard input that is not UTF-8 instead of replacing bytes", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"rpcName":"Get'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    const r = await run(["generate", "-"], bytes);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "Standard input is not UTF-8 text (byte 15 is not valid UTF-8).\n");
  });

  it("escapes control characters on the way to the terminal", async () => {
    const r = await run(["link", "decode", "#v=3&z=x&\u001b[2K=1"], "");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown part "\\u001b\[2K"/);
    assert.doesNotMatch(r.stderr, /\u001b/);
  });

  it("stops quietly when the reader closes the pipe", async () => {
    const r = await run(["generate", "-"], DESIGN, { closeStdout: true });
    assert.equal(r.stderr, "");
    assert.equal(r.code, 0);
  });

  it("says an unforeseen failure in one escaped line, never a stack trace", () => {
    const error = new Error("bad \u001b[2K\u202e thing\n    at evil (x.ts:1:1)");
    assert.equal(
      internalError(error),
      "personhog-rpc could not handle this input (internal error: bad \\u001b[2K\\u202e thing). This is a bug; please report it with the input.\n",
    );
  });
});
