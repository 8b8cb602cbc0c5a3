/**
 * PGlite's own files, read and compiled for the CLI's lab outside PGlite: by the executable's
 * entry for check-sql (personhog-rpc.mjs, before the bundle is found: plain JavaScript), and by
 * the thread that starts a lab (cli-lab-wasm.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setFlagsFromString } from "node:v8";

/**
 * A file beside PGlite's entry, in one read: fs/promises reads in 512 KiB pieces, each a round
 * trip through libuv's thread pool, and the 9 MB wasm took 70–170 ms so on a busy machine.
 * @param {string} root the package's folder
 * @param {string} name
 */
export function pgliteFile(root, name) {
  const require = createRequire(path.join(root, "package.json"));
  return readFileSync(path.join(path.dirname(require.resolve("@electric-sql/pglite")), name));
}

/**
 * PGlite's wasm, compiled; undefined if it cannot be (PGlite then compiles its own).
 *
 * `liftoffOnly`: V8 compiles wasm fast (Liftoff), then again, optimised, for the functions that
 * run hot (TurboFan, on background threads). In the executable that does not pay: in a process
 * that checks one statement and exits it was a third of the CPU and about 90 MB of the peak
 * memory; a batch of the corpus five times over (405 checks) took a third less CPU with Liftoff
 * only and answered its first pass 2–3 times faster, while the compiles competed with the checks
 * for the two cores, for later passes about a tenth slower. The flag is V8's, set for this
 * compile call alone: V8 fixes a module's tiers when its compile starts, and a flag
 * left changed changes V8's flag hash, so V8 refuses Node's code cache for every internal module
 * compiled after it (about 20 ms of the lab thread's start).
 * @param {string} root
 * @param {boolean} liftoffOnly
 * @returns {Promise<WebAssembly.Module | undefined>}
 */
export function compileLabWasm(root, liftoffOnly) {
  let bytes;
  try {
    bytes = pgliteFile(root, "pglite.wasm");
  } catch {
    return Promise.resolve(undefined);
  }
  if (liftoffOnly) setFlagsFromString("--liftoff-only");
  try {
    return WebAssembly.compile(bytes).catch(() => undefined);
  } finally {
    if (liftoffOnly) setFlagsFromString("--no-liftoff-only");
  }
}
