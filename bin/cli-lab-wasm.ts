/**
 * PGlite's wasm, compiled by the thread that starts a lab while the lab's thread is still starting
 * (Node's own start, then PGlite's JS): on two cores the compile no longer waits for them. Once
 * per process: a stopped lab's successor gets the same module.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { LabWasm } from "./cli-lab-protocol";

let compiled: Promise<LabWasm> | null = null;

async function compile(root: string): Promise<LabWasm> {
  const require = createRequire(path.join(root, "package.json"));
  const dist = path.dirname(require.resolve("@electric-sql/pglite"));
  const compiledModule = await WebAssembly.compile(await readFile(path.join(dist, "pglite.wasm")));
  return { type: "wasm", module: compiledModule };
}

/** Never fails: without the module, PGlite compiles its own. */
export function labWasm(root: string): Promise<LabWasm> {
  compiled ??= compile(root).catch(() => ({ type: "wasm" }));
  return compiled;
}
