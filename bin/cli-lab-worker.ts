/**
 * The CLI's lab database, in a worker thread so that the CLI can stop a runaway statement by
 * terminating the thread (see cli-lab.ts). Boots once, always from a schema snapshot (the build's,
 * the cache's, or one made now and cached: lab-snapshot.ts), and answers requests in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { adviseIndex } from "../lib/sql/try-fix";
import { bootLabFromSnapshot, type LabDatabase } from "../lib/sql/boot";
import { labFingerprint } from "../lib/sql/fingerprint";
import { checkSql } from "../lib/sql/session";
import type { CliLabRequest, CliLabResponse, LabBoot } from "./cli-lab-protocol";
import type { CliPaths } from "./cli-setup";
import { labSnapshot } from "./lab-snapshot";

const port = parentPort;
if (!port) throw new Error("cli-lab-worker runs as a worker thread.");
const reply = (message: CliLabResponse) => port.postMessage(message);

async function boot(): Promise<{ lab: LabDatabase; boot: LabBoot }> {
  const making = (file: string) => reply({ type: "making", file });
  const { snapshot, ...from } = await labSnapshot(workerData as CliPaths, making);
  const lab = await bootLabFromSnapshot(snapshot);
  // The thread's clock starts with the thread.
  return { lab, boot: { ...from, ms: Math.round(performance.now()) } };
}

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
  const { lab, boot: booted } = await boot();
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
  reply({ type: "ready", boot: booted });
} catch (err) {
  reply({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}
