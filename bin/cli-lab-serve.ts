/**
 * The lab's thread once its wasm is compiled and its snapshot found: boots PGlite from the snapshot
 * and answers requests in order. Loaded by cli-lab-worker.ts while it waits for them, because
 * loading this (PGlite's JS, the analysis) takes a good part of the thread's start.
 */
import type { MessagePort } from "node:worker_threads";
import { bootLabFromSnapshot, type LabDatabase, type SnapshotBootOptions } from "../lib/sql/boot";
import { labFingerprint } from "../lib/sql/fingerprint";
import { checkSql, type CheckReport, type CheckResult } from "../lib/sql/session";
import { adviseIndex } from "../lib/sql/try-fix";
import type { CliLabRequest, CliLabResponse, LabBoot } from "./cli-lab-protocol";
import type { LabSnapshot } from "./lab-snapshot";

/** No command prints the plan, and cloning it into the message cost more than all the rest. */
function withoutPlan(result: CheckResult): CheckReport {
  if (!result.ok) return result;
  const { plan, ...report } = result;
  return report;
}

async function answer(request: CliLabRequest, lab: LabDatabase): Promise<CliLabResponse> {
  if (request.type === "check") {
    return {
      type: "checked",
      id: request.id,
      result: withoutPlan(await checkSql(lab.db, lab.ctx, request.sql)),
    };
  }
  if (request.type === "advise") {
    const result = await adviseIndex(lab.db, lab.ctx, request.sql);
    return { type: "advised", id: request.id, result };
  }
  return { type: "fingerprint", id: request.id, text: await labFingerprint(lab.db) };
}

export async function serveLab(
  port: MessagePort,
  { snapshot, ...from }: LabSnapshot,
  files: Pick<SnapshotBootOptions, "pgliteWasmModule" | "fsBundle">,
  warm: boolean,
): Promise<void> {
  const reply = (message: CliLabResponse) => port.postMessage(message);
  const lab = await bootLabFromSnapshot(snapshot, { ...files, warm });
  // The thread's clock starts with the thread.
  const phases = Object.entries(lab.phases ?? {}).map(([step, at]) => [step, Math.round(at)]);
  const boot: LabBoot = {
    ...from,
    ms: Math.round(performance.now()),
    phases: Object.fromEntries(phases),
  };
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
  reply({ type: "ready", boot });
}
