/**
 * The CLI as an agent or CI runs it: the real executable, one whole process per command (wall
 * time from spawn to exit, peak memory and CPU of the process, worker thread included), and a
 * batch's throughput once its lab has booted.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WORKED_EXAMPLE } from "../lib/design/defaults";
import { CORPUS, type CorpusQuery } from "../lib/sql/corpus";
import { goalCorpus } from "./goal-corpus";
import { median, round, type Figures } from "./figures";

const BIN = path.join(import.meta.dirname, "..", "bin", "personhog-rpc.mjs");
const RUNS = 5;
/** The corpus this many times over in one batch: enough checks for a steady rate. */
const BATCH_PASSES = 5;
const CHECK = "SELECT * FROM posthog_person WHERE team_id = $1 AND id = $2";

/**
 * Loaded with --import: when the process exits, writes its own peak resident memory and CPU time
 * (the whole process, so the lab's worker thread counts) to $BENCH_USAGE_FILE. The peak is
 * Linux's VmHWM: getrusage's maxRSS survives exec, so a child spawned from this bench (hundreds of
 * MB after its own PGlite runs) would report the bench's peak, not its own.
 */
const USAGE_PROBE = `import { readFileSync, writeFileSync } from "node:fs";
function peakBytes(usage) {
  try {
    const hwm = /VmHWM:\\s*(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux: getrusage's figure, with the caveat above
  }
  return usage.maxRSS * 1024;
}
process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({
    maxRssBytes: peakBytes(u),
    cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
  }));
});`;

interface ProcessRun {
  readonly wallMs: number;
  readonly maxRssBytes: number;
  readonly cpuMs: number;
  readonly code: number;
}

async function runProcess(dir: string, args: string[], input: string): Promise<ProcessRun> {
  const usageFile = path.join(dir, "usage.json");
  await rm(usageFile, { force: true });
  const probe = pathToFileURL(path.join(dir, "usage-probe.mjs")).href;
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", probe, BIN, ...args], {
      stdio: ["pipe", "ignore", "ignore"],
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    });
    child.on("error", reject);
    child.on("exit", (c) => resolve(c ?? -1));
    child.stdin.end(input);
  });
  const wallMs = performance.now() - started;
  const usage = JSON.parse(await readFile(usageFile, "utf8")) as Omit<
    ProcessRun,
    "wallMs" | "code"
  >;
  return { wallMs, code, ...usage };
}

async function processFigures(
  dir: string,
  name: string,
  args: string[],
  input = "",
): Promise<{ wall: number; figures: Figures }> {
  // One run first, not counted: it builds the bundle (or the snapshot) if anything is missing.
  await runProcess(dir, args, input);
  const runs: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runProcess(dir, args, input));
  if (runs.some((r) => r.code > 1))
    throw new Error(`personhog-rpc ${name} exited ${runs[0]?.code}`);
  const wall = median(runs.map((r) => r.wallMs));
  const peak = Math.max(...runs.map((r) => r.maxRssBytes));
  return {
    wall,
    figures: {
      [`cli.${name}_wall_median`]: {
        value: round(wall),
        unit: "ms",
        note: `the executable, spawn to exit, median of ${RUNS} runs (${runs.map((r) => Math.round(r.wallMs)).join(", ")} ms)`,
      },
      [`cli.${name}_peak_memory`]: {
        value: peak,
        unit: "bytes",
        note: `peak resident memory of the whole process, the highest of ${RUNS} runs`,
      },
      [`cli.${name}_cpu_median`]: {
        value: round(median(runs.map((r) => r.cpuMs))),
        unit: "ms",
        note: "user + system CPU of the whole process (every thread)",
      },
    },
  };
}

/** Times at which each line of the batch's output arrived, from the spawn. */
async function batchLineTimes(input: string): Promise<number[]> {
  const started = performance.now();
  const times: number[] = [];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "check-sql", "--jsonl", "--json", "-"], {
      stdio: ["pipe", "pipe", "ignore"],
    });
    let pending = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      for (let at = pending.indexOf("\n"); at >= 0; at = pending.indexOf("\n")) {
        times.push(performance.now() - started);
        pending = pending.slice(at + 1);
      }
    });
    child.on("error", reject);
    child.on("exit", () => resolve());
    child.stdin.end(input);
  });
  return times;
}

/** One batch of the rows `BATCH_PASSES` times over: its rate after the first answer. */
async function batchRate(rows: readonly CorpusQuery[]) {
  const lines = Array.from({ length: BATCH_PASSES }, () =>
    rows.map((q) => JSON.stringify({ sql: q.sql })),
  ).flat();
  const times = await batchLineTimes(`${lines.join("\n")}\n`);
  if (times.length !== lines.length)
    throw new Error(`the batch answered ${times.length} of ${lines.length} statements`);
  const first = times[0] ?? NaN;
  const last = times.at(-1) ?? NaN;
  return { first, checks: lines.length, perSecond: (times.length - 1) / ((last - first) / 1000) };
}

export interface CliResult {
  readonly figures: Figures;
  /** Median wall time of one check-sql process, for the goal against the in-process boot. */
  readonly checkSqlWallMs: number;
}

export async function cliFigures(): Promise<CliResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-cli-"));
  try {
    await writeFile(path.join(dir, "usage-probe.mjs"), USAGE_PROBE);
    const check = await processFigures(dir, "check_sql", ["check-sql", CHECK]);
    const generate = await processFigures(
      dir,
      "generate",
      ["generate", "-"],
      JSON.stringify(WORKED_EXAMPLE),
    );
    const whole = await batchRate(CORPUS);
    const asSet = await batchRate(goalCorpus().rows);
    const peakLimit = 300 * 1024 * 1024;
    const checkPeak = check.figures["cli.check_sql_peak_memory"]!.value;
    // The wall time's goal is a ratio to the in-process boot: run.ts adds it.
    return {
      checkSqlWallMs: check.wall,
      figures: {
        ...check.figures,
        "cli.check_sql_peak_memory": {
          ...check.figures["cli.check_sql_peak_memory"]!,
          goal: "≤ 300 MiB",
          met: checkPeak <= peakLimit,
        },
        ...generate.figures,
        "cli.generate_wall_median": {
          ...generate.figures["cli.generate_wall_median"]!,
          goal: "≤ 500 ms",
          met: generate.wall <= 500,
        },
        "cli.batch_checks_per_second": {
          value: round(whole.perSecond),
          unit: "checks/s",
          note: `check-sql --jsonl, the corpus of ${CORPUS.length} ${BATCH_PASSES} times (${whole.checks} checks) in one process, from the first answer to the last`,
          goal: "≥ 300 checks/s",
          met: whole.perSecond >= 300,
        },
        "cli.batch_checks_per_second_goal_corpus": {
          value: round(asSet.perSecond),
          unit: "checks/s",
          note: `information: the same over the ${asSet.checks / BATCH_PASSES} rows the goal was set on (bench/goal-corpus.ts), ${BATCH_PASSES} times`,
        },
        "cli.batch_first_answer": {
          value: round(whole.first),
          unit: "ms",
          note: "spawn to the first answer of the batch (the boot)",
        },
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
