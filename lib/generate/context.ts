/** What every generator receives: the design and the facts derived from it once. */
import { derive, type Derived } from "../design/derive";
import type { Design } from "../design/model";
import type { CheckResult } from "../sql/session";
import type { Snippet } from "./snippet";

/** The SQL lab's overall verdict on the design's query, when it has checked it. */
export type SqlStatus = "ok" | "warning" | "error" | "unchecked";

/** A check of the SQL as it stands (null while none has run); SQL the lab cannot plan is an error. */
export function sqlStatusOf(check: CheckResult | null): SqlStatus {
  if (!check) return "unchecked";
  return check.ok ? check.status : "error";
}

export interface GenerateInput {
  readonly design: Design;
  readonly d: Derived;
  readonly sql: SqlStatus;
}

export type Generator = (input: GenerateInput) => Snippet[];

export function generateInput(design: Design, sql: SqlStatus = "unchecked"): GenerateInput {
  return { design, d: derive(design), sql };
}
