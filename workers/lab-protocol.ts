import type { CheckResult } from "@/lib/sql/session";
import type { Fix } from "@/lib/sql/verdict";
import { LAB_ASSETS_URL } from "@/lib/serve/lab-assets";

/** How the worker gets its database: the build-time snapshot (default) or running the DDL. */
export type BootMode = "snapshot" | "ddl";

export const SNAPSHOT_URL = `${LAB_ASSETS_URL}lab-snapshot.tar`;
/** Bundled by scripts/build-lab-worker.ts, at a fixed URL so the page's HTML can start it. */
export const LAB_WORKER_URL = `${LAB_ASSETS_URL}lab-worker.js`;

export type LabRequest =
  | { readonly type: "boot"; readonly mode: BootMode }
  | { readonly type: "check"; readonly id: number; readonly sql: string }
  /** "Try it": the fix's statement checked, with its index created and rolled back if it has one. */
  | { readonly type: "try-fix"; readonly id: number; readonly sql: string; readonly fix: Fix };

/** The worker's boot timeline: when each step ended, in epoch milliseconds like `readyAt`. */
export type BootTimeline = Readonly<Record<string, number>>;

export type LabResponse =
  /** `readyAt`: epoch milliseconds (timeOrigin + now), comparable with the page's clock. */
  | {
      readonly type: "ready";
      readonly readyAt: number;
      readonly mode: BootMode;
      readonly timeline?: BootTimeline;
    }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "checked"; readonly id: number; readonly result: CheckResult }
  | { readonly type: "tried"; readonly id: number; readonly result: CheckResult };
