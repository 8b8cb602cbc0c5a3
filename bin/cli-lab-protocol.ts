/** Messages between the CLI (`cli-lab.ts`) and its lab worker thread (`cli-lab-worker.ts`). */
import type { AdviceResult } from "../lib/sql/try-fix";
import type { CheckResult } from "../lib/sql/session";

export type CliLabRequest =
  | { readonly type: "check"; readonly id: number; readonly sql: string }
  | { readonly type: "advise"; readonly id: number; readonly sql: string }
  | { readonly type: "fingerprint"; readonly id: number };

export type CliLabResponse =
  | { readonly type: "ready" }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "checked"; readonly id: number; readonly result: CheckResult }
  | { readonly type: "advised"; readonly id: number; readonly result: AdviceResult }
  | { readonly type: "fingerprint"; readonly id: number; readonly text: string }
  /** A request that threw (checks never do; the fingerprint's query could). */
  | { readonly type: "error"; readonly id: number; readonly message: string };
