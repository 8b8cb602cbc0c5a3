/// <reference lib="webworker" />
/**
 * The SQL lab's database, off the main thread. It boots PGlite with the persons schema once and
 * answers check requests; a runaway statement is handled by the client terminating this worker.
 */
import { bootLab, type LabDatabase } from "@/lib/sql/boot";
import { checkSql } from "@/lib/sql/session";
import type { LabRequest, LabResponse } from "./lab-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const started = performance.now();
const ready: Promise<LabDatabase> = bootLab();

function reply(message: LabResponse): void {
  scope.postMessage(message);
}

ready.then(
  () => reply({ type: "ready", bootMs: performance.now() - started }),
  (err: unknown) => reply({ type: "failed", message: String(err) }),
);

scope.onmessage = async (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  const lab = await ready;
  const result = await checkSql(lab.db, lab.ctx, request.sql);
  reply({ type: "result", id: request.id, result });
};
