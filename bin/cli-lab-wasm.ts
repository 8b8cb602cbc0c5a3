/**
 * PGlite's own files, prepared by the thread that starts a lab while the lab's thread is still
 * starting (Node's own start, then PGlite's JS): its wasm, compiled (once per process: a stopped
 * lab's successor gets the same module), and its file-system bundle, read (for each lab: it is
 * handed over, not copied). PGlite would otherwise read both itself once created, on the lab's
 * thread.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let compiled: Promise<WebAssembly.Module | undefined> | null = null;

function pgliteFile(root: string, name: string): Buffer<ArrayBuffer> {
  const require = createRequire(path.join(root, "package.json"));
  const dist = path.dirname(require.resolve("@electric-sql/pglite"));
  // In one read: fs/promises reads in 512 KiB pieces, each a round trip through libuv's thread
  // pool, and the 9 MB wasm took 70–170 ms on a busy machine while this thread had nothing else to do.
  return readFileSync(path.join(dist, name));
}

/** Never fails: without the module, PGlite compiles its own. */
export function labWasm(root: string): Promise<WebAssembly.Module | undefined> {
  compiled ??= (async () => WebAssembly.compile(pgliteFile(root, "pglite.wasm")))().catch(
    () => undefined,
  );
  return compiled;
}

/** PGlite's file-system bundle (`fsBundle`); null if it cannot be read, and PGlite reads its own. */
export function labFsBundle(root: string): Buffer<ArrayBuffer> | null {
  try {
    return pgliteFile(root, "pglite.data");
  } catch {
    return null;
  }
}
