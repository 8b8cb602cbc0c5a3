/**
 * The page's handle on the lab worker. One worker per page (a module-level singleton, so React
 * StrictMode's double effects do not boot PGlite twice). PGlite ignores statement_timeout, so a
 * check that runs past the limit terminates the worker and a fresh one boots.
 */
import type { CheckResult } from "@/lib/sql/session";
import type { LabRequest, LabResponse } from "./lab-protocol";

export const CHECK_TIMEOUT_MS = 5000;

export type LabStatus =
  | { readonly state: "booting" }
  | { readonly state: "ready"; readonly bootMs: number }
  | { readonly state: "failed"; readonly message: string };

type Listener = (status: LabStatus) => void;

let worker: Worker | null = null;
let status: LabStatus = { state: "booting" };
let nextId = 1;
const pending = new Map<number, (result: CheckResult) => void>();
const listeners = new Set<Listener>();

function setStatus(next: LabStatus): void {
  status = next;
  for (const listener of listeners) listener(status);
}

function start(): Worker {
  const created = new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" });
  created.onmessage = (event: MessageEvent<LabResponse>) => {
    const message = event.data;
    if (message.type === "ready") setStatus({ state: "ready", bootMs: message.bootMs });
    else if (message.type === "failed") setStatus({ state: "failed", message: message.message });
    else {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  };
  created.onerror = (event) =>
    setStatus({ state: "failed", message: event.message || "The database worker crashed." });
  setStatus({ state: "booting" });
  return created;
}

function ensureWorker(): Worker {
  worker ??= start();
  return worker;
}

/** Subscribe to boot status; starts the worker on first use. Returns an unsubscribe function. */
export function watchLab(listener: Listener): () => void {
  ensureWorker();
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

function restart(reason: string): void {
  worker?.terminate();
  worker = null;
  for (const resolve of pending.values()) {
    resolve({ ok: false, error: { message: reason }, ms: CHECK_TIMEOUT_MS });
  }
  pending.clear();
  ensureWorker();
}

export function checkInLab(sql: string): Promise<CheckResult> {
  const target = ensureWorker();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => {
        restart(
          `The check ran longer than ${CHECK_TIMEOUT_MS / 1000} s and was stopped; the database is restarting.`,
        );
      },
      CHECK_TIMEOUT_MS + (status.state === "ready" ? 0 : 30_000),
    );
    pending.set(id, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
    const request: LabRequest = { id, sql };
    target.postMessage(request);
  });
}
