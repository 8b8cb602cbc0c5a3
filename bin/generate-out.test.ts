import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = path.join(import.meta.dirname, "personhog-rpc.mjs");
const EXAMPLE = path.join(import.meta.dirname, "../content/examples/worked-example-guide.json");
const dir = mkdtempSync(path.join(tmpdir(), "workbench-cli-out-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The real executable, as a user or an agent runs it. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe("personhog-rpc generate --out", () => {
  it("writes the fragments under DIR/<RpcName>, says what it wrote, and refuses to write twice", async () => {
    const out = path.join(dir, "out");
    const first = await run(["generate", EXAMPLE, "--out", out]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Wrote 23 files: fragments to paste/);
    assert.ok(first.stdout.includes(path.join(out, "GetPersonCount/README.md")));
    assert.ok(
      first.stdout.includes(
        path.join(out, "GetPersonCount/proto/personhog/types/v1/person.fragment.proto"),
      ),
    );
    assert.deepEqual(readdirSync(out), ["GetPersonCount"]);

    writeFileSync(path.join(out, "GetPersonCount/README.md"), "edited by hand");
    const again = await run(["generate", EXAMPLE, "--out", out]);
    assert.equal(again.code, 2);
    assert.equal(again.stdout, "");
    assert.match(again.stderr, /GetPersonCount is not empty; nothing was written\. .*--force/);
    assert.equal(
      readFileSync(path.join(out, "GetPersonCount/README.md"), "utf8"),
      "edited by hand",
    );

    const forced = await run(["generate", EXAMPLE, `--out=${out}`, "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(path.join(out, "GetPersonCount/README.md"), "utf8"), /fragments/);
  });

  it("exits 2 for options that do not fit together", async () => {
    for (const [args, message] of [
      [["generate", EXAMPLE, "--force"], /--force only goes with --out/],
      [["generate", EXAMPLE, "--out"], /--out needs a directory/],
      [["generate", EXAMPLE, "--json", "--out", dir], /pick one/],
      [["generate", EXAMPLE, "--outt", dir], /Unknown option --outt/],
    ] as const) {
      const r = await run([...args]);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, message);
    }
  });
});
