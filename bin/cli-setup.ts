/**
 * What the executable tells the code it runs: where the package is (lab-assets/) and its
 * cache (the lab's schema snapshot), and that the process runs one command and exits. It runs a
 * bundle from the cache folder, so its entry (personhog-rpc.mjs, with cli-bundle.mjs's
 * `cliPaths`) says so; code run from source (the tests) keeps these defaults.
 */
import path from "node:path";
import type { Worker } from "node:worker_threads";

export interface CliPaths {
  readonly root: string;
  readonly cache: string;
}

export interface CliSetup extends CliPaths {
  /** One command, then exit: the lab's thread is tuned for a quick start (cli-lab.ts). */
  readonly oneCommand: boolean;
  /**
   * A thread the executable started for check-sql's lab before it loaded the bundle, waiting to
   * be told the lab's worker to run (early-lab.mjs); the first lab takes it.
   */
  readonly labThread?: Worker;
  /** PGlite's wasm, compiled (Liftoff only) from the executable's first lines, for check-sql. */
  readonly labWasm?: Promise<WebAssembly.Module | undefined>;
}

const ROOT = path.join(import.meta.dirname, "..");

let setup: CliSetup = {
  root: ROOT,
  cache:
    process.env.PERSONHOG_RPC_CACHE || path.join(ROOT, "node_modules", ".cache", "personhog-rpc"),
  oneCommand: false,
};

export function cliSetup(): CliSetup {
  return setup;
}

export function useCliSetup(given: CliSetup): void {
  setup = given;
}
