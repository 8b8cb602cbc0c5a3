/**
 * The page's handle on the lab worker. One worker per page (a module-level singleton, so React
 * StrictMode's double effects do not boot PGlite twice). PGlite ignores statement_timeout, so a
 * request that runs past the limit terminates the worker and a fresh one boots.
 */
import { CHECK_TIMEOUT_MS } from "@/lib/sql/limits";
import type { CheckResult } from "@/lib/sql/session";
import type { Fix } from "@/lib/sql/verdict";
import { EARLY_LAB_GLOBAL, type EarlyLab } from "./lab-boot-script";
import {
  LAB_WORKER_URL,
  type BootMode,
  type BootTimeline,
  type LabRequest,
  type LabResponse,
} from "./lab-protocol";

/** Booting is allowed longer than a request: a cold start downloads PGlite and the snapshot. */
const BOOT_ALLOWANCE_MS = 30_000;

export type LabStatus =
  | { readonly state: "booting"; readonly restarted?: string }
  | { readonly state: "ready"; readonly bootMs: number; readonly mode: BootMode }
  | { readonly state: "failed"; readonly message: string };

type Listener = (status: LabStatus) => void;
type Answer = LabResponse | { type: "stopped"; message: string };
type Settle = (response: Answer) => void;

let worker: Worker | null = null;
/** Epoch milliseconds the user started waiting for the current worker (see waitingSince). */
let waitingFrom = 0;
let status: LabStatus = { state: "booting" };
let nextId = 1;
/** As the page's inline script chose it (see lab-boot-script.ts); restarts boot the same way. */
let bootMode: BootMode = "snapshot";
const pending = new Map<number, Pending>();
/** SQL texts that already ran past the limit: checking them again would only stall again. */
const runaways = new Set<string>();
const listeners = new Set<Listener>();

function setStatus(next: LabStatus): void {
  status = next;
  for (const listener of listeners) listener(status);
}

/**
 * The worker's boot steps as User Timing marks (`lab:<step>`, at the time each ended): DevTools'
 * performance panel shows where a boot's time went, and the bench records them.
 */
function markBootSteps(timeline: BootTimeline = {}): void {
  for (const [step, at] of Object.entries(timeline)) {
    const startTime = at - performance.timeOrigin;
    if (startTime >= 0) performance.mark(`lab:${step}`, { startTime });
  }
}

function onMessage(message: LabResponse): void {
  if (message.type === "ready") {
    markBootSteps(message.timeline);
    setStatus({ state: "ready", bootMs: message.readyAt - waitingFrom, mode: message.mode });
  } else if (message.type === "failed") setStatus({ state: "failed", message: message.message });
  else {
    const entry = pending.get(message.id);
    pending.delete(message.id);
    entry?.settle(message);
  }
}

/** The worker the page's inline script started, if it did and nobody has taken it yet. */
function takeEarlyWorker(): EarlyLab | null {
  const scope = window as unknown as Record<string, EarlyLab | undefined>;
  const early = scope[EARLY_LAB_GLOBAL] ?? null;
  delete scope[EARLY_LAB_GLOBAL];
  return early;
}

/**
 * When the user started waiting: navigation start when this page was loaded directly (its HTML
 * started the worker, or the first worker of a page opened at this address), else now (a
 * client-side navigation or a restart), so "ready in" is what the user waited, not the worker.
 */
function waitingSince(early: EarlyLab | null): number {
  const [navigation] = performance.getEntriesByType("navigation");
  const loadedHere = navigation && new URL(navigation.name).pathname === location.pathname;
  const first = waitingFrom === 0;
  return early || (first && loadedHere)
    ? performance.timeOrigin
    : performance.timeOrigin + performance.now();
}

function start(): Worker {
  const early = takeEarlyWorker();
  waitingFrom = waitingSince(early);
  const created = early?.worker ?? new Worker(LAB_WORKER_URL, { type: "module" });
  created.onmessage = (event: MessageEvent<LabResponse>) => onMessage(event.data);
  created.onerror = (event) =>
    setStatus({ state: "failed", message: event.message || "The database worker crashed." });
  if (early) {
    bootMode = early.mode;
    for (const message of early.early) onMessage(message as LabResponse);
  } else {
    const boot: LabRequest = { type: "boot", mode: bootMode };
    created.postMessage(boot);
  }
  return created;
}

function ensureWorker(): Worker {
  worker ??= start();
  return worker;
}

/** Takes over the worker the page's HTML started, or starts one, if none is running yet. */
export function startLab(): void {
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

interface Pending {
  readonly message: LabRequest & { id: number; sql: string };
  readonly settle: Settle;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Only the request that ran too long is answered "stopped" (and its SQL remembered, so a re-check
 * of the same text does not stall again); every other waiting request goes to the new worker.
 */
function restart(culprit: number, reason: string): void {
  worker?.terminate();
  worker = null;
  const waiting = [...pending.entries()];
  pending.clear();
  setStatus({ state: "booting", restarted: reason });
  const target = ensureWorker();
  for (const [id, entry] of waiting) {
    if (id === culprit) {
      clearTimeout(entry.timer);
      runaways.add(entry.message.sql);
      entry.settle({ type: "stopped", message: reason });
    } else {
      clearTimeout(entry.timer);
      entry.timer = armTimer(id, CHECK_TIMEOUT_MS + BOOT_ALLOWANCE_MS);
      pending.set(id, entry);
      target.postMessage(entry.message);
    }
  }
}

function armTimer(id: number, limit: number): ReturnType<typeof setTimeout> {
  return setTimeout(
    () =>
      restart(
        id,
        `The statement ran longer than ${CHECK_TIMEOUT_MS / 1000} s and was stopped; the database is restarting.`,
      ),
    limit,
  );
}

function request(message: LabRequest & { id: number; sql: string }): Promise<Answer> {
  const target = ensureWorker();
  const limit = CHECK_TIMEOUT_MS + (status.state === "ready" ? 0 : BOOT_ALLOWANCE_MS);
  return new Promise((resolve) => {
    const entry: Pending = {
      message,
      settle: (response) => {
        clearTimeout(entry.timer);
        resolve(response);
      },
      timer: armTimer(message.id, limit),
    };
    pending.set(message.id, entry);
    target.postMessage(message);
  });
}

const runawayMessage = `This statement ran longer than ${CHECK_TIMEOUT_MS / 1000} s before and was stopped; edit it to check again.`;

function resultOf(response: Answer): CheckResult {
  if (response.type === "checked" || response.type === "tried") return response.result;
  const message =
    response.type === "stopped" ? response.message : "Unexpected answer from the database worker.";
  return { ok: false, error: { message }, ms: CHECK_TIMEOUT_MS };
}

export async function checkInLab(sql: string): Promise<CheckResult> {
  if (runaways.has(sql)) return { ok: false, error: { message: runawayMessage }, ms: 0 };
  return resultOf(await request({ type: "check", id: nextId++, sql }));
}

/** "Try it" for a fix: its statement checked, with its index (if any) created and rolled back. */
export async function tryFixInLab(fix: Fix): Promise<CheckResult> {
  const sql = fix.sql ?? "";
  if (runaways.has(sql)) return { ok: false, error: { message: runawayMessage }, ms: 0 };
  return resultOf(await request({ type: "try-fix", id: nextId++, sql, fix }));
}
