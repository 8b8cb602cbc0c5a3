/** Messages between the CLI (`cli-lab.ts`) and its lab worker thread (`cli-lab-worker.ts`). */
import type { AdviceResult } from "../lib/sql/try-fix";
import type { CheckReport } from "../lib/sql/session";
import type { CliPaths } from "./cli-setup";
import type { CachedTar, SnapshotSource } from "./lab-snapshot";

/** How the lab booted: always from a schema snapshot, and where that came from. */
export interface LabBoot {
  readonly source: SnapshotSource;
  readonly file: string;
  /** Made now but not cached, and why. */
  readonly notCached?: string;
  /** Its tar was unpacked now into this cache file (once per snapshot). */
  readonly unpacked?: string;
  /** From the start of the thread to ready. */
  readonly ms: number;
  /** When each step of the boot ended, from the start of the thread (`BootPhases`). */
  readonly phases?: Readonly<Record<string, number>>;
}

/** What the lab's thread is started with. */
export interface LabWorkerData extends CliPaths {
  /** Warm the planner after the boot (not for a process that checks one statement and exits). */
  readonly warm: boolean;
}

/**
 * The first message to the lab's thread, from the thread that started it, prepared while this one
 * started: PGlite's wasm, compiled (cli-lab-wasm.ts; none if that failed, and PGlite compiles its
 * own), its file-system bundle, and the cache's tar of the schema snapshot (none if it is not there or not whole: the lab
 * then finds or makes the snapshot itself).
 */
export interface LabStart {
  readonly type: "start";
  readonly module?: WebAssembly.Module;
  readonly tar?: CachedTar;
  /** PGlite's file-system bundle (pglite.data), read; else PGlite reads its own. */
  readonly fsBundle?: Uint8Array<ArrayBuffer>;
}

export type CliLabRequest =
  | { readonly type: "check"; readonly id: number; readonly sql: string }
  | { readonly type: "advise"; readonly id: number; readonly sql: string }
  | { readonly type: "fingerprint"; readonly id: number };

export type CliLabResponse =
  /** Before a boot that first makes the snapshot from the DDL (seconds), into this file. */
  | { readonly type: "making"; readonly file: string }
  | { readonly type: "ready"; readonly boot: LabBoot }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "checked"; readonly id: number; readonly result: CheckReport }
  | { readonly type: "advised"; readonly id: number; readonly result: AdviceResult }
  | { readonly type: "fingerprint"; readonly id: number; readonly text: string }
  /** A request that threw (checks never do; the fingerprint's query could). */
  | { readonly type: "error"; readonly id: number; readonly message: string };
