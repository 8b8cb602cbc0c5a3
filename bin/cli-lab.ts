/**
 * The CLI's SQL lab, bounded in time as in the browser. PGlite is wasm running on the thread that
 * calls it, and no timer fires on that thread while a statement runs, so the lab lives in a worker
 * thread (cli-lab-worker.ts) and a request that runs past CHECK_TIMEOUT_MS terminates the thread:
 * V8 stops wasm mid-statement (the thread is gone about 0.1 s after terminate(), its memory
 * freed). One lab per process, booted on first use from the schema snapshot, so one process (a
 * batch, a pr-description run, the hostile-input test) serves many checks. When a lab is stopped,
 * its successor starts booting at once. A process that runs many commands (the tests drive `main`
 * in-process) also keeps a spare booting once a request has been answered, so a stop costs no
 * boot; the executable runs one command and exits, and a spare would only cost it memory and CPU.
 */
import { Worker } from "node:worker_threads";
import type { AdviceResult } from "../lib/sql/try-fix";
import { CHECK_TIMEOUT_MS } from "../lib/sql/limits";
import { plannableStatement } from "../lib/sql/plannable";
import type { CheckReport } from "../lib/sql/session";
import type {
  CliLabRequest,
  CliLabResponse,
  LabBoot,
  LabStart,
  LabWorkerData,
} from "./cli-lab-protocol";
import { labFsBundle, labWasm } from "./cli-lab-wasm";
import { cachedTar, type CachedTar } from "./lab-snapshot";
import { cliSetup, type CliPaths } from "./cli-setup";
import type { Io } from "./io";

/** Booting from the snapshot is allowed longer than a request. */
const BOOT_ALLOWANCE_MS = 30_000;
/** Making the snapshot first (the DDL, compacting, dumping, then the boot), once per schema. */
const MAKING_ALLOWANCE_MS = 120_000;
const WORKER_ENTRY = new URL("./cli-lab-worker.mjs", import.meta.url);

export const STOPPED_MESSAGE = `The check ran past ${CHECK_TIMEOUT_MS / 1000} s and was stopped.`;

/** A request's answer, or why there is none (it ran too long, or the lab could not start). */
export type Bounded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Ready =
  { readonly ok: true; readonly boot: LabBoot } | { readonly ok: false; readonly message: string };

interface Lab {
  readonly worker: Worker;
  /** Settles once booted, or with why it did not boot. */
  readonly ready: Promise<Ready>;
  /** Settles, with the cache file, if the lab makes the snapshot before booting. */
  readonly making: Promise<{ readonly making: string }>;
  /** What the requests have been told of it (each once per lab). */
  readonly told: Set<"making" | "booted">;
  /**
   * Who waits for each request sent and not yet answered, by id: settled with the answer, or with
   * why the thread failed. One set of listeners for the lab, however many requests are in flight.
   */
  readonly waiting: Map<number, (answer: CliLabResponse | string) => void>;
  /**
   * The place in the queue of the last request sent to this lab, and who waits for a place to be
   * sent. Requests reach a lab in queue order, so the thread runs each after every earlier one.
   */
  sent: number;
  readonly sending: Map<number, () => void>;
}

let lab: Lab | null = null;
/** A lab booting or booted in the background, to take over when `lab` is stopped. */
let spare: Lab | null = null;
let nextId = 1;
/** Settles when the last request asked has its answer: each one's time limit covers only itself. */
let queue: Promise<unknown> = Promise.resolve();
/** How many requests have been asked: each one's place in the queue. */
let asked = 0;
let manyChecks = false;
let earlyTaken = false;

/** A command that will check many statements (a batch) says so before its first check. */
export function expectManyChecks(): void {
  manyChecks = true;
}

/** The executable running one command that is not a batch: its lab is tuned for a quick start. */
function quickStart(): boolean {
  return cliSetup().oneCommand && !manyChecks;
}

/** The executable's early thread (once, and only while it runs), told to run the lab's worker. */
function earlyThread(): Worker | null {
  const thread = cliSetup().labThread;
  if (!thread || earlyTaken) return null;
  earlyTaken = true;
  if (thread.threadId < 0) return null;
  thread.postMessage({ url: WORKER_ENTRY.href });
  return thread;
}

/**
 * The lab thread's first message: the wasm (compiled once per process), PGlite's file-system bundle
 * and the cache's tar (read for each lab, and moved to its thread, not copied). Reading and
 * checking the 16 MB tar took the lab's thread 50–80 ms of its start, on its critical path; this
 * thread is idle then.
 */
async function labStart(paths: CliPaths): Promise<{ message: LabStart; transfer: ArrayBuffer[] }> {
  const compiling = labWasm();
  const fsBundle = labFsBundle(paths.root);
  let tar: CachedTar | null = null;
  try {
    tar = cachedTar(paths);
  } catch {
    // The lab's thread then finds the snapshot itself, and says why it cannot.
  }
  const message: LabStart = {
    type: "start",
    module: await compiling,
    ...(tar && { tar }),
    ...(fsBundle && { fsBundle }),
  };
  return { message, transfer: [tar?.tar, fsBundle].flatMap(movable) };
}

/** Bytes that own their whole buffer can be moved; those from Node's shared pool are copied. */
function movable(bytes: Uint8Array<ArrayBuffer> | null | undefined): ArrayBuffer[] {
  if (!bytes) return [];
  const { buffer, byteOffset, byteLength } = bytes;
  return byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : [];
}

function startLab(): Lab {
  const { root, cache } = cliSetup();
  const workerData: LabWorkerData = { root, cache, warm: !quickStart() };
  const worker = earlyThread() ?? new Worker(WORKER_ENTRY, { workerData });
  // Compiled and read here while the thread starts; a thread already gone ignores the message.
  void labStart({ root, cache }).then(({ message, transfer }) =>
    worker.postMessage(message, transfer),
  );
  let making: (file: string) => void = () => {};
  const ready = new Promise<Ready>((resolve) => {
    const onMessage = (m: CliLabResponse) => {
      if (m.type === "making") return making(m.file);
      worker.off("message", onMessage);
      if (m.type === "ready") resolve({ ok: true, boot: m.boot });
      else resolve({ ok: false, message: m.type === "failed" ? m.message : `it said ${m.type}` });
    };
    worker.on("message", onMessage);
    worker.once("error", (err) => resolve({ ok: false, message: err.message }));
    worker.once("exit", (code) =>
      resolve({ ok: false, message: `the thread exited (code ${code})` }),
    );
  });
  const waiting = new Map<number, (answer: CliLabResponse | string) => void>();
  const settle = (id: number, answer: CliLabResponse | string) => {
    waiting.get(id)?.(answer);
    waiting.delete(id);
  };
  const failAll = (why: string) => [...waiting.keys()].forEach((id) => settle(id, why));
  worker.on("message", (m: CliLabResponse) => "id" in m && settle(m.id, m));
  worker.on("error", (err) => failAll(err.message));
  worker.on("exit", (code) => failAll(`the thread exited (code ${code})`));
  // An idle lab must not keep the process alive; a waiting request refs it. (After the listeners:
  // adding a "message" listener refs the worker again.)
  worker.unref();
  return {
    worker,
    ready,
    making: new Promise((resolve) => (making = (file) => resolve({ making: file }))),
    told: new Set(),
    waiting,
    sent: 0,
    sending: new Map(),
  };
}

function servingLab(): Lab {
  if (!lab) {
    lab = spare ?? startLab();
    spare = null;
  }
  return lab;
}

/**
 * Terminates a lab, waiting until its thread is gone. After a request stopped it, its successor
 * starts booting at once (`successor`); after a failed boot, the next request tries again.
 */
async function drop(stale: Lab, successor: boolean): Promise<void> {
  if (lab === stale) lab = null;
  if (successor) spare ??= startLab();
  await stale.worker.terminate();
}

/**
 * What the first request a lab serves tells its command's stderr after the boot: that it unpacked
 * the snapshot into the cache, or could not cache what it made, with PERSONHOG_RPC_DEBUG=lab
 * how it booted, and with PERSONHOG_RPC_DEBUG=boot when each step of the boot ended.
 */
function bootNotes(boot: LabBoot): string {
  const notes: string[] = [];
  if (boot.unpacked) {
    notes.push(
      `personhog-rpc: unpacked the lab's schema snapshot, once, into ${boot.unpacked} (later runs read it as is).`,
    );
  }
  if (boot.notCached) {
    notes.push(
      `personhog-rpc: the schema snapshot could not be cached (${boot.notCached}); the next run makes it again.`,
    );
  }
  if ((process.env.PERSONHOG_RPC_DEBUG ?? "").split(",").includes("lab")) {
    const from = { build: "made by the build", cache: "cached", made: "made now" }[boot.source];
    notes.push(
      `personhog-rpc: lab booted from the schema snapshot (${from}: ${boot.file}) in ${boot.ms} ms.`,
    );
  }
  if ((process.env.PERSONHOG_RPC_DEBUG ?? "").split(",").includes("boot")) {
    const steps = Object.entries(boot.phases ?? {}).map(([step, ms]) => `${step} ${ms}`);
    notes.push(`personhog-rpc: lab boot steps, ms from the thread's start: ${steps.join(", ")}.`);
  }
  return notes.map((n) => `${n}\n`).join("");
}

const TIMED_OUT = Symbol("timed out");

/**
 * The lab's boot, bounded. When the lab makes the snapshot first (the first run after a schema or
 * PGlite change), the request's stderr is told at once, and the boot gets the longer allowance.
 */
async function booted(current: Lab, io?: Pick<Io, "stderr">): Promise<Ready | typeof TIMED_OUT> {
  const first = await within(Promise.race([current.ready, current.making]), BOOT_ALLOWANCE_MS);
  if (first === TIMED_OUT || !("making" in first)) return first;
  if (!current.told.has("making")) {
    current.told.add("making");
    io?.stderr(
      `personhog-rpc: making the lab's schema snapshot from the DDL, once, into ${first.making} (later runs boot from it).\n`,
    );
  }
  return within(current.ready, MAKING_ALLOWANCE_MS);
}

/** The promise's value, or TIMED_OUT after `ms`; the timer never outlives the race. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Settles once the request at `place` in the queue has been sent to `current`. */
function sentTo(current: Lab, place: number): Promise<void> {
  if (current.sent >= place) return Promise.resolve();
  return new Promise((resolve) => current.sending.set(place, resolve));
}

function send(current: Lab, place: number, request: CliLabRequest): void {
  current.worker.postMessage(request);
  current.sent = place;
  current.sending.get(place)?.();
  current.sending.delete(place);
}

/** The answer to request `id`, or an error text if the thread fails first. */
function answerTo(current: Lab, id: number): Promise<CliLabResponse | string> {
  return new Promise((resolve) => current.waiting.set(id, resolve));
}

/**
 * Runs a request, the `place`-th asked, in the serving lab once `previous` (the request asked
 * before it) is answered. It is sent as soon as the lab is up and `previous` has been sent there,
 * even while `previous` runs: the thread answers requests in order and takes the next one as it
 * finishes, without waiting for this thread to hear the answer and send the next (two thread
 * switches a check, each one a wait for a core on a busy machine). Its time limit still starts
 * when `previous` is answered, and by then the lab has run nothing sent after it, so the limit
 * covers this request alone. If `previous` stopped the lab, this request goes again to the lab
 * that follows, and waits there until `previous` has been sent again or answered: a request
 * asked later never overtakes one sent earlier.
 */
async function run(
  request: CliLabRequest,
  place: number,
  previous: Promise<unknown>,
  io?: Pick<Io, "stderr">,
): Promise<Bounded<CliLabResponse>> {
  const current = servingLab();
  current.worker.ref();
  try {
    const ready = await booted(current, io);
    if (ready === TIMED_OUT || !ready.ok) {
      await previous;
      if (lab !== current) return await run(request, place, previous, io);
      await drop(current, false);
      const why = ready === TIMED_OUT ? "it took too long" : ready.message;
      return { ok: false, message: `The lab database did not start: ${why}.` };
    }
    const answer = answerTo(current, request.id);
    await Promise.race([sentTo(current, place - 1), previous]);
    if (lab === current) send(current, place, request);
    await previous;
    // Stopped or failed on the request before: this one goes to its successor.
    if (lab !== current) return await run(request, place, previous, io);
    // Again: the request before let go of the thread when it was answered.
    current.worker.ref();
    if (!current.told.has("booted")) {
      current.told.add("booted");
      io?.stderr(bootNotes(ready.boot));
    }
    const response = await within(answer, CHECK_TIMEOUT_MS);
    if (response === TIMED_OUT) {
      await drop(current, true);
      return { ok: false, message: STOPPED_MESSAGE };
    }
    if (typeof response === "string") {
      await drop(current, true);
      return { ok: false, message: `The lab database failed: ${response}.` };
    }
    if (response.type === "error") return { ok: false, message: response.message };
    return { ok: true, value: response };
  } finally {
    current.worker.unref();
    if (!cliSetup().oneCommand) spare ??= startLab();
  }
}

/** Sends one request; it runs once every earlier one has been answered. */
function ask(request: CliLabRequest, io?: Pick<Io, "stderr">): Promise<Bounded<CliLabResponse>> {
  const result = run(request, ++asked, queue, io);
  queue = result.catch(() => undefined);
  return result;
}

function unexpected(response: CliLabResponse): { readonly ok: false; readonly message: string } {
  return { ok: false, message: `Unexpected answer from the lab: ${response.type}.` };
}

/** `io` gets the lab's boot notes when this request is the first its lab serves. */
export async function checkInCliLab(
  sql: string,
  io?: Pick<Io, "stderr">,
): Promise<Bounded<CheckReport>> {
  // Text the check refuses never needs the lab: answered here, without booting it.
  const accepted = plannableStatement(sql);
  if (!accepted.ok) return { ok: true, value: { ok: false, error: accepted.refusal, ms: 0 } };
  const answer = await ask({ type: "check", id: nextId++, sql }, io);
  if (!answer.ok) return answer;
  return answer.value.type === "checked"
    ? { ok: true, value: answer.value.result }
    : unexpected(answer.value);
}

export async function adviseInCliLab(
  sql: string,
  io?: Pick<Io, "stderr">,
): Promise<Bounded<AdviceResult>> {
  const answer = await ask({ type: "advise", id: nextId++, sql }, io);
  if (!answer.ok) return answer;
  return answer.value.type === "advised"
    ? { ok: true, value: answer.value.result }
    : unexpected(answer.value);
}

/**
 * The lab database's fingerprint (lib/sql/fingerprint.ts), from the same lab the checks use: the
 * hostile-input test compares it before and after each attack.
 */
export async function labFingerprint(): Promise<string> {
  const answer = await ask({ type: "fingerprint", id: nextId++ });
  if (!answer.ok) throw new Error(answer.message);
  if (answer.value.type !== "fingerprint") throw new Error(unexpected(answer.value).message);
  return answer.value.text;
}
