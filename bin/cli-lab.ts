/**
 * The CLI's SQL lab, bounded in time as in the browser. PGlite is wasm running on the thread that
 * calls it, and no timer fires on that thread while a statement runs, so the lab lives in a worker
 * thread (cli-lab-worker.ts) and a request that runs past CHECK_TIMEOUT_MS terminates the thread:
 * V8 stops wasm mid-statement (the thread is gone about 0.1 s after terminate(), its memory
 * freed). One lab per process, booted on first use, so one process (a pr-description run, the
 * hostile-input test) serves many checks. Once a request has been answered, a spare lab boots in
 * the background, so a timeout costs no boot: the spare takes over and another spare boots. A
 * one-shot command exits before its spare matters (idle labs never keep the process alive).
 */
import { Worker } from "node:worker_threads";
import type { AdviceResult } from "../lib/sql/try-fix";
import { CHECK_TIMEOUT_MS } from "../lib/sql/limits";
import { plannableStatement } from "../lib/sql/plannable";
import type { CheckResult } from "../lib/sql/session";
import type { CliLabRequest, CliLabResponse } from "./cli-lab-protocol";

/** Booting is allowed longer than a request: without the snapshot it runs the whole DDL. */
const BOOT_ALLOWANCE_MS = 30_000;
const WORKER_ENTRY = new URL("./cli-lab-worker.mjs", import.meta.url);

export const STOPPED_MESSAGE = `The check ran past ${CHECK_TIMEOUT_MS / 1000} s and was stopped.`;

/** A request's answer, or why there is none (it ran too long, or the lab could not start). */
export type Bounded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

interface Lab {
  readonly worker: Worker;
  /** Settles with null once booted, or with why it did not boot. */
  readonly ready: Promise<string | null>;
}

let lab: Lab | null = null;
let spare: Lab | null = null;
let nextId = 1;
/** Requests go one at a time, so each one's time limit covers only itself. */
let queue: Promise<unknown> = Promise.resolve();

function startLab(): Lab {
  const worker = new Worker(WORKER_ENTRY);
  const ready = new Promise<string | null>((resolve) => {
    worker.once("message", (m: CliLabResponse) => resolve(m.type === "failed" ? m.message : null));
    worker.once("error", (err) => resolve(err.message));
    worker.once("exit", (code) => resolve(`the thread exited (code ${code})`));
  });
  // An idle lab must not keep the process alive; a waiting request refs it. (After the listeners:
  // adding a "message" listener refs the worker again.)
  worker.unref();
  return { worker, ready };
}

/** The lab that serves requests: the spare if one is booting or booted, else a new one. */
function servingLab(): Lab {
  if (!lab) {
    lab = spare ?? startLab();
    spare = null;
  }
  return lab;
}

/** Terminates a lab, waiting until its thread is gone; the next request takes the spare. */
async function drop(stale: Lab): Promise<void> {
  if (lab === stale) lab = null;
  await stale.worker.terminate();
}

const TIMED_OUT = Symbol("timed out");

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

/** The worker's answer to request `id`, or an error text if the thread fails first. */
function answerTo(worker: Worker, id: number): Promise<CliLabResponse | string> {
  return new Promise((resolve) => {
    const onMessage = (m: CliLabResponse) => {
      if ("id" in m && m.id === id) done(m);
    };
    const onError = (err: Error) => done(err.message);
    const onExit = (code: number) => done(`the thread exited (code ${code})`);
    const done = (result: CliLabResponse | string) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      resolve(result);
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

async function run(request: CliLabRequest): Promise<Bounded<CliLabResponse>> {
  const current = servingLab();
  current.worker.ref();
  try {
    const failed = await within(current.ready, BOOT_ALLOWANCE_MS);
    if (failed !== null) {
      await drop(current);
      const why = failed === TIMED_OUT ? `it took over ${BOOT_ALLOWANCE_MS / 1000} s` : failed;
      return { ok: false, message: `The lab database did not start: ${why}.` };
    }
    const answer = answerTo(current.worker, request.id);
    current.worker.postMessage(request);
    const response = await within(answer, CHECK_TIMEOUT_MS);
    if (response === TIMED_OUT) {
      await drop(current);
      return { ok: false, message: STOPPED_MESSAGE };
    }
    if (typeof response === "string") {
      await drop(current);
      return { ok: false, message: `The lab database failed: ${response}.` };
    }
    if (response.type === "error") return { ok: false, message: response.message };
    return { ok: true, value: response };
  } finally {
    current.worker.unref();
    spare ??= startLab();
  }
}

/** Sends one request once every earlier one has finished. */
function ask(request: CliLabRequest): Promise<Bounded<CliLabResponse>> {
  const result = queue.then(() => run(request));
  queue = result.catch(() => undefined);
  return result;
}

function unexpected(response: CliLabResponse): { readonly ok: false; readonly message: string } {
  return { ok: false, message: `Unexpected answer from the lab: ${response.type}.` };
}

export async function checkInCliLab(sql: string): Promise<Bounded<CheckResult>> {
  // Text the check refuses never needs the lab: answered here, without booting it.
  const accepted = plannableStatement(sql);
  if (!accepted.ok) return { ok: true, value: { ok: false, error: accepted.refusal, ms: 0 } };
  const answer = await ask({ type: "check", id: nextId++, sql });
  if (!answer.ok) return answer;
  return answer.value.type === "checked"
    ? { ok: true, value: answer.value.result }
    : unexpected(answer.value);
}

export async function adviseInCliLab(sql: string): Promise<Bounded<AdviceResult>> {
  const answer = await ask({ type: "advise", id: nextId++, sql });
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
