/**
 * The CLI's lab database, in a worker thread so that the CLI can stop a runaway statement by
 * terminating the thread (see cli-lab.ts). Boots once, from the build-time snapshot when there is
 * one (as the browser does), else by running the DDL, and answers requests in order.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { adviseIndex } from "../lib/sql/try-fix";
import { bootLab, bootLabFromSnapshot, type LabDatabase } from "../lib/sql/boot";
import { labFingerprint } from "../lib/sql/fingerprint";
import { checkSql } from "../lib/sql/session";
import { SNAPSHOT_URL } from "../workers/lab-protocol";
import type { CliLabRequest, CliLabResponse } from "./cli-lab-protocol";

const SNAPSHOT_FILE = path.join(import.meta.dirname, "..", "public", SNAPSHOT_URL);

async function boot(): Promise<LabDatabase> {
  const snapshot = await readFile(SNAPSHOT_FILE).catch(() => null);
  return snapshot ? bootLabFromSnapshot(new Blob([snapshot])) : bootLab();
}

const port = parentPort;
if (!port) throw new Error("cli-lab-worker runs as a worker thread.");
const reply = (message: CliLabResponse) => port.postMessage(message);

async function answer(request: CliLabRequest, lab: LabDatabase): Promise<CliLabResponse> {
  if (request.type === "check") {
    return {
      type: "checked",
      id: request.id,
      result: await checkSql(lab.db, lab.ctx, request.sql),
    };
  }
  if (request.type === "advise") {
    const result = await adviseIndex(lab.db, lab.ctx, request.sql);
    return { type: "advised", id: request.id, result };
  }
  return { type: "fingerprint", id: request.id, text: await labFingerprint(lab.db) };
}

try {
  const lab = await boot();
  // One at a time: a check is one transaction on the one connection.
  let queue = Promise.resolve();
  port.on("message", (request: CliLabRequest) => {
    queue = queue
      .then(async () => reply(await answer(request, lab)))
      .catch((err: unknown) =>
        reply({
          type: "error",
          id: request.id,
          message: err instanceof Error ? err.message : String(err),
        }),
      );
  });
  reply({ type: "ready" });
} catch (err) {
  reply({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}
