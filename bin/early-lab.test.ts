/** The executable's early lab thread: started for check-sql only, it runs the worker it is told. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { startEarlyLab } from "./early-lab.mjs";

const PATHS = { root: "/the/package", cache: "/the/cache" };

/** A stand-in for the bundled worker: it answers with the data its thread was started with. */
const ECHO_WORKER = `import { parentPort, workerData } from "node:worker_threads";
parentPort.postMessage(workerData);`;

async function dataOfThreadRunning(thread: Worker): Promise<unknown> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "early-lab-"));
  try {
    const file = path.join(dir, "echo.mjs");
    await writeFile(file, ECHO_WORKER);
    const answer = new Promise((resolve) => thread.once("message", resolve));
    thread.postMessage({ url: pathToFileURL(file).href });
    return await answer;
  } finally {
    await thread.terminate();
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the early lab thread", () => {
  it("is started for check-sql only", () => {
    for (const argv of [["generate", "-"], ["pr-description", "-"], ["rules"], []])
      assert.equal(startEarlyLab(argv, PATHS), null, argv.join(" "));
  });

  it("runs the worker it is told, with the paths, warm for a batch only", async () => {
    const cases: [string[], boolean][] = [
      [["check-sql", "SELECT 1"], false],
      [["check-sql", "--jsonl", "--json", "-"], true],
      [["check-sql", "--batch", "statements.sql"], true],
      // After "--" a word is the statement, never an option.
      [["check-sql", "--", "--batch"], false],
    ];
    for (const [argv, warm] of cases) {
      const thread = startEarlyLab(argv, PATHS);
      assert.ok(thread, argv.join(" "));
      assert.deepEqual(await dataOfThreadRunning(thread), { ...PATHS, warm }, argv.join(" "));
    }
  });
});
