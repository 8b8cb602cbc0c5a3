import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** One figure per key, each with its unit, so later runs and issues can add to the same file. */
export interface Figure {
  readonly value: number;
  readonly unit: "ms" | "bytes" | "ratio" | "count" | "checks/s";
  readonly note?: string;
  /** For a performance goal: the limit, and whether this run met it. */
  readonly goal?: string;
  readonly met?: boolean;
}

export type Figures = Record<string, Figure>;

export const RESULTS_PATH = path.join(import.meta.dirname, "results.json");

export async function writeFigures(figures: Figures): Promise<void> {
  let previous: Figures = {};
  try {
    previous = JSON.parse(await readFile(RESULTS_PATH, "utf8")) as Figures;
  } catch {
    // first run: nothing to merge with
  }
  const merged = { ...previous, ...figures };
  await writeFile(RESULTS_PATH, `${JSON.stringify(merged, null, 2)}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const round = (n: number) => Math.round(n * 100) / 100;

export async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, performance.now() - t0];
}

/** Samples per corpus query for every check and EXPLAIN figure (the issue asks for at least 20). */
export const CHECK_RUNS = 20;

/** Runs `fn` over every item `runs` times (interleaved, so drift hits all alike) and returns times per item. */
export async function sampleEach<T>(
  items: readonly T[],
  runs: number,
  fn: (item: T) => Promise<unknown>,
): Promise<number[][]> {
  const samples = items.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (const [i, item] of items.entries()) {
      const [, ms] = await timed(() => fn(item));
      samples[i]?.push(ms);
    }
  }
  return samples;
}
