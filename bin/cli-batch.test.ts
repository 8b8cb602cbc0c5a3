/** check-sql's batch mode, through the real executable: many statements, one process. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runCli as run } from "./spawn-cli";

const PASS = "SELECT * FROM posthog_group WHERE team_id = $1 AND id = $2";
const WARNING = "SELECT * FROM posthog_group WHERE team_id = $1 AND group_type_index = $2";
const ERROR = "SELECT * FROM posthog_group WHERE version > 3";
/** Constant folding runs each regexp_replace while planning: seconds of CPU per term. */
const TERM = "length(regexp_replace(repeat('ab', 10000000), 'a', 'cc', 'g'))";
const RUNAWAY = `SELECT * FROM posthog_group WHERE id = ${Array(6).fill(TERM).join(" + ")}`;

interface Line {
  index: number;
  line: number;
  id?: string | number;
  exit: number;
  status: string;
  error?: { message: string; position?: number };
  verdicts?: { rule: string }[];
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);

async function withFile<T>(text: string, check: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "batch-"));
  try {
    const file = path.join(dir, "statements.sql");
    await writeFile(file, text);
    return await check(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("check-sql --batch and --jsonl", () => {
  it("checks every statement of a .sql file in order, one block each, and exits with the worst", async () => {
    const file = `-- the reads\n${PASS};\n${ERROR}; SELECT * FORM posthog_group;\n\n${WARNING};\n`;
    const r = await withFile(file, (f) => run(["check-sql", "--batch", f]));
    assert.equal(r.code, 2, r.stderr);
    const headers = [...r.stdout.matchAll(/^=== (\d+) · line (\d+)$/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(headers, [
      ["1", "2"],
      ["2", "3"],
      ["3", "3"],
      ["4", "5"],
    ]);
    const blocks = r.stdout.split(/^=== .*$/m).slice(1);
    assert.match(blocks[0]!, /\nPASS\n/);
    assert.match(blocks[1]!, /ERROR \[seq-scan\][\s\S]*\nFAIL\n/);
    assert.match(blocks[2]!, /SQL error \(at character 10\): syntax error at or near "FORM"/);
    assert.match(blocks[3]!, /WARNING \[broad-index-prefix\]/);
    assert.match(r.stdout, /^Batch of 4: 1 pass, 1 warning, 1 error, 1 bad-input; exit 2\.$/m);
  });

  it("reads JSON lines from standard input and answers one JSON line each, ids given back", async () => {
    const input = [
      JSON.stringify({ sql: PASS, id: "get-group" }),
      JSON.stringify({ sql: WARNING, id: 2 }),
      "",
      JSON.stringify({ sql: "SELECT now()" }),
    ].join("\n");
    const r = await run(["check-sql", "--jsonl", "--json", "-"], input);
    assert.equal(r.code, 1, r.stderr);
    const lines = jsonLines(r.stdout);
    assert.deepEqual(
      lines.map((l) => [l.index, l.line, l.id, l.exit, l.status]),
      [
        [1, 1, "get-group", 0, "pass"],
        [2, 2, 2, 0, "warning"],
        [3, 4, undefined, 1, "nothing-checked"],
      ],
    );
    assert.deepEqual(
      lines[2]!.verdicts?.map((v) => v.rule),
      ["nothing-checked"],
    );
  });

  it("exits 0 when every statement passes or only warns, 2 for an unreadable line", async () => {
    const ok = await run(
      ["check-sql", "--jsonl", "-"],
      `{"sql": "${PASS}"}\n{"sql": "${WARNING}"}\n`,
    );
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^Batch of 2: 1 pass, 1 warning; exit 0\.$/m);
    const bad = await run(["check-sql", "--jsonl", "--json", "-"], `{"sql": "${PASS}"}\n{oops\n`);
    assert.equal(bad.code, 2);
    const [, line] = jsonLines(bad.stdout);
    assert.deepEqual([line!.exit, line!.status], [2, "bad-input"]);
    assert.match(line!.error!.message, /^Line 2 is not JSON/);
  });

  it("stops a runaway statement at 5 s and goes on with a fresh lab", async () => {
    // The statements after it were sent ahead to the lab it stopped: the fresh lab checks them.
    const r = await withFile(`${PASS};\n${RUNAWAY};\n${ERROR};\n${WARNING};\n`, (f) =>
      run(["check-sql", "--batch", "--json", f]),
    );
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(
      jsonLines(r.stdout).map((l) => [l.status, l.error?.message]),
      [
        ["pass", undefined],
        ["stopped", "The check ran past 5 s and was stopped."],
        ["error", undefined],
        ["warning", undefined],
      ],
    );
  });

  it("gives each statement its own 5 s when a second runaway follows a stop", async () => {
    // After the first stop, the statements sent ahead go again to the fresh lab; one asked later
    // must not overtake them there, or the 5 s of an earlier statement is spent on the runaway.
    const statements = [PASS, RUNAWAY, PASS, PASS, PASS, RUNAWAY, PASS, PASS];
    const r = await withFile(statements.map((s) => `${s};\n`).join(""), (f) =>
      run(["check-sql", "--batch", "--json", f]),
    );
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(
      jsonLines(r.stdout).map((l) => l.status),
      ["pass", "stopped", "pass", "pass", "pass", "stopped", "pass", "pass"],
    );
  });

  it("refuses a batch with no statement, a missing file and both input kinds at once", async () => {
    const empty = await withFile("-- nothing\n;\n", (f) => run(["check-sql", "--batch", f]));
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, "The batch holds no statement.\n");
    const missing = await run(["check-sql", "--batch", "/nonexistent/x.sql"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read \/nonexistent\/x\.sql: no such file/);
    const both = await run(["check-sql", "--batch", "--jsonl", "-"], "");
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--batch \(a \.sql file\) or --jsonl \(JSON lines\), not both/);
  });
});
