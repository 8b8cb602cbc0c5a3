import type { CheckResult } from "@/lib/sql/session";

export interface LabRequest {
  readonly id: number;
  readonly sql: string;
}

export type LabResponse =
  | { readonly type: "ready"; readonly bootMs: number }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "result"; readonly id: number; readonly result: CheckResult };
