import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import fc from "fast-check";
import { applyCommandLine, shellQuote } from "./command-line";

/** What a POSIX shell makes of the quoted text: exactly one argument, unchanged. */
function throughShell(quoted: string): string[] {
  const run = spawnSync("sh", ["-c", `for a in ${quoted}; do printf '%s\\0' "$a"; done`], {
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split("\0").slice(0, -1);
}

describe("the apply command line", () => {
  it("carries the link in single quotes", () => {
    const link = "https://workbench.example/#v=2.eJyrVkrOz0lVsqpWSs7PS0nV-z_abc";
    assert.equal(applyCommandLine(link), `npx personhog-rpc apply '${link}' --repo .`);
  });

  it("reaches the shell as one unchanged argument, whatever the text", () => {
    const text = fc.string({
      unit: fc.constantFrom("'", '"', "$", "`", "\\", " ", ";", "a", "#", "!", "*"),
    });
    fc.assert(
      fc.property(text, (s) => {
        assert.deepEqual(throughShell(shellQuote(s)), [s]);
      }),
      { numRuns: 60 },
    );
  });
});
