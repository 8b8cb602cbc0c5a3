/// <reference lib="webworker" />
/**
 * The SQL lab's database, off the main thread. It boots PGlite once and answers requests in
 * order; a runaway statement is handled by the client terminating this worker. This script is
 * small: it starts the downloads first, while the engine (PGlite and the analysis,
 * lab-engine.ts) loads beside them; when the engine was in this script, Chromium spent about a
 * third of a second fetching and compiling it before any download began.
 */
import type { LabDatabase } from "@/lib/sql/boot";
import {
  SNAPSHOT_URL,
  type BootMode,
  type BootTimeline,
  type LabRequest,
  type LabResponse,
} from "./lab-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
let ready: Promise<LabDatabase> | null = null;

function reply(message: LabResponse): void {
  scope.postMessage(message);
}

async function download(url: string | URL, what: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} did not load (HTTP ${response.status}).`);
  return response;
}

/** When this script started running and each download (or the wasm's compile) ended. */
const downloads: Record<string, number> = { created: 0, script: performance.now() };

type Engine = typeof import("./lab-engine");

/** Bundled beside this script (scripts/build-lab-worker.ts); loaded once the boot is asked for. */
let engine: Promise<Engine> | null = null;
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const loaded = (await import(new URL("lab-engine.js", import.meta.url).href)) as Engine;
    downloads.engine = performance.now();
    return loaded;
  })();
  return engine;
}

/**
 * Every download at once: PGlite starts fetching its wasm and file-system bundle only when it is
 * created, which needs the snapshot first. The wasm compiles while it streams in. PGlite looks
 * for its files beside this script, and so do we.
 */
async function boot(mode: BootMode): Promise<LabDatabase> {
  const loading = loadEngine();
  if (mode === "ddl") return (await loading).bootLab();
  const [snapshot, pgliteWasmModule, fsBundle, { bootLabFromSnapshot }] = await Promise.all([
    // Bytes, not a Blob: reading a 16 MB Blob back in a worker took Chromium about 0.1 s.
    download(SNAPSHOT_URL, "The schema snapshot")
      .then(async (r) => new Uint8Array(await r.arrayBuffer()))
      .finally(() => (downloads.snapshot = performance.now())),
    WebAssembly.compileStreaming(
      download(new URL("pglite.wasm", import.meta.url), "PGlite"),
    ).finally(() => (downloads.wasm = performance.now())),
    download(new URL("pglite.data", import.meta.url), "PGlite's files")
      .then((r) => r.blob())
      .finally(() => (downloads.bundle = performance.now())),
    loading,
  ]);
  // "Ready" means warmed, the first check answered at warm speed: skipping the warm-up when a
  // check is already waiting moved "ready" 0.8 s earlier in a cold Chromium, but not the verdict.
  return bootLabFromSnapshot(snapshot, { pgliteWasmModule, fsBundle });
}

/** Every step's end on the epoch clock, which the page shares (the worker's own starts later). */
function timeline(lab: LabDatabase): BootTimeline {
  const steps = { ...downloads, ...lab.phases };
  return Object.fromEntries(
    Object.entries(steps).map(([step, at]) => [step, Math.round(performance.timeOrigin + at)]),
  );
}

function start(mode: BootMode): void {
  ready = boot(mode);
  ready.then(
    (lab) =>
      reply({
        type: "ready",
        readyAt: performance.timeOrigin + performance.now(),
        mode,
        timeline: timeline(lab),
      }),
    (err: unknown) => reply({ type: "failed", message: messageOf(err) }),
  );
}

/** Requests run one at a time: a check is one transaction on the one database connection. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  if (request.type === "boot") return start(request.mode);
  const booted = ready;
  if (!booted) return;
  // Requests may come before the boot ends: after a failed one (already reported as "failed")
  // each is answered with the failure rather than left to the client's timeout.
  queue = queue
    .then(async () => answer(request, await booted))
    .catch((err: unknown) =>
      reply({
        type: request.type === "check" ? "checked" : "tried",
        id: request.id,
        result: { ok: false, error: { message: messageOf(err) }, ms: 0 },
      }),
    );
};

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function answer(request: Exclude<LabRequest, { type: "boot" }>, lab: LabDatabase) {
  const { checkSql, tryFix } = await loadEngine();
  if (request.type === "check") {
    reply({
      type: "checked",
      id: request.id,
      result: await checkSql(lab.db, lab.ctx, request.sql),
    });
  } else {
    reply({ type: "tried", id: request.id, result: await tryFix(lab.db, lab.ctx, request.fix) });
  }
}
