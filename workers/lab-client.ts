/**
 * The page's handle on the lab worker. One worker per page (a module-level singleton, so React
 * StrictMode's double effects do not boot PGlite twice). PGlite ignores statement_timeout, so a
 * request that runs past the limit terminates the worker and a fresh one boots.
 */
import type { AdviceResult } from "@/lib/sql/advise";
import type { CheckResult } from "@/lib/sql/session";
import type { BootMode, LabRequest, LabResponse } from "./lab-protocol";

export const REQUEST_TIMEOUT_MS = 5000;
/** Booting is allowed longer than a request: a cold start downloads PGlite and the snapshot. */
const BOOT_ALLOWANCE_MS = 30_000;

export type LabStatus =
  | { readonly state: "booting"; readonly restarted?: string }
  | { readonly state: "ready"; readonly bootMs: number; readonly mode: BootMode }
  | { readonly state: "failed"; readonly message: string };

type Listener = (status: LabStatus) => void;
type Pending = (response: LabResponse | { type: "stopped"; message: string }) => void;

let worker: Worker | null = null;
let status: LabStatus = { state: "booting" };
let nextId = 1;
let bootMode: BootMode = "snapshot";
const pending = new Map<number, Pending>();
const listeners = new Set<Listener>();

function setStatus(next: LabStatus): void {
  status = next;
  for (const listener of listeners) listener(status);
}

function start(): Worker {
  const created = new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" });
  created.onmessage = (event: MessageEvent<LabResponse>) => {
    const message = event.data;
    if (message.type === "ready")
      setStatus({ state: "ready", bootMs: message.bootMs, mode: message.mode });
    else if (message.type === "failed") setStatus({ state: "failed", message: message.message });
    else {
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    }
  };
  created.onerror = (event) =>
    setStatus({ state: "failed", message: event.message || "The database worker crashed." });
  const boot: LabRequest = { type: "boot", mode: bootMode };
  created.postMessage(boot);
  return created;
}

function ensureWorker(): Worker {
  worker ??= start();
  return worker;
}

/** Starts the worker if it is not running yet; the mode applies to the first start only. */
export function startLab(mode: BootMode = "snapshot"): void {
  if (!worker) bootMode = mode;
  ensureWorker();
}

/** Subscribe to boot status; starts the worker on first use. Returns an unsubscribe function. */
export function watchLab(listener: Listener): () => void {
  ensureWorker();
  listeners.add(listener);
  listener(status);
  return () => {
    listeners.delete(listener);
  };
}

function restart(reason: string): void {
  worker?.terminate();
  worker = null;
  for (const settle of pending.values()) settle({ type: "stopped", message: reason });
  pending.clear();
  setStatus({ state: "booting", restarted: reason });
  ensureWorker();
}

function request(
  build: (id: number) => LabRequest,
): Promise<LabResponse | { type: "stopped"; message: string }> {
  const target = ensureWorker();
  const id = nextId++;
  const limit = REQUEST_TIMEOUT_MS + (status.state === "ready" ? 0 : BOOT_ALLOWANCE_MS);
  return new Promise((resolve) => {
    const timer = setTimeout(
      () =>
        restart(
          `The statement ran longer than ${limit / 1000} s and was stopped; the database is restarting.`,
        ),
      limit,
    );
    pending.set(id, (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    target.postMessage(build(id));
  });
}

export async function checkInLab(sql: string): Promise<CheckResult> {
  const response = await request((id) => ({ type: "check", id, sql }));
  if (response.type === "checked") return response.result;
  const message =
    response.type === "stopped" ? response.message : "Unexpected answer from the database worker.";
  return { ok: false, error: { message }, ms: REQUEST_TIMEOUT_MS };
}

export async function adviseInLab(
  sql: string,
): Promise<AdviceResult | { ok: false; reason: string }> {
  const response = await request((id) => ({ type: "advise", id, sql }));
  if (response.type === "advised") return response.result;
  return {
    ok: false,
    reason: response.type === "stopped" ? response.message : "Unexpected answer.",
  };
}
