/** Types of early-lab.mjs (plain JavaScript: it runs before the bundle is found). */
import type { Worker } from "node:worker_threads";

export function startEarlyLab(
  argv: readonly string[],
  paths: { readonly root: string; readonly cache: string },
): Worker | null;
