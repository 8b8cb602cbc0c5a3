/**
 * PGlite's wasm, compiled by the thread that starts a lab while the lab's thread is still starting
 * (Node's own start, then PGlite's JS): on two cores the compile no longer waits for them. Once
 * per process: a stopped lab's successor gets the same module.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let compiled: Promise<WebAssembly.Module | undefined> | null = null;

async function compile(root: string): Promise<WebAssembly.Module> {
  const require = createRequire(path.join(root, "package.json"));
  const dist = path.dirname(require.resolve("@electric-sql/pglite"));
  // In one read: fs/promises reads in 512 KiB pieces, each a round trip through libuv's thread
  // pool, and 9 MB took 70–170 ms on a busy machine while this thread had nothing else to do.
  return WebAssembly.compile(readFileSync(path.join(dist, "pglite.wasm")));
}

/** Never fails: without the module, PGlite compiles its own. */
export function labWasm(root: string): Promise<WebAssembly.Module | undefined> {
  compiled ??= compile(root).catch(() => undefined);
  return compiled;
}
