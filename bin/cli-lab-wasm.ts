/**
 * PGlite's own files, prepared by the thread that starts a lab while the lab's thread is still
 * starting (Node's own start, then PGlite's JS): its wasm, compiled (once per process: a stopped
 * lab's successor gets the same module; the executable's entry starts compiling it for check-sql
 * before the bundle is even found), and its file-system bundle, read (for each lab: it is handed
 * over, not copied). PGlite would otherwise read both itself once created, on the lab's thread.
 */
import { cliSetup } from "./cli-setup";
import { compileLabWasm, pgliteFile } from "./pglite-files.mjs";

let compiled: Promise<WebAssembly.Module | undefined> | null = null;

/** Never fails: without the module, PGlite compiles its own. */
export function labWasm(): Promise<WebAssembly.Module | undefined> {
  const { labWasm: early, root, oneCommand } = cliSetup();
  // Liftoff only in the executable; code driving `main` in-process (the tests) keeps TurboFan.
  compiled ??= early ?? compileLabWasm(root, oneCommand);
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
