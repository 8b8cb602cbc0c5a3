/** What the rest of the workbench needs of a check of the design's SQL. */
import type { CheckResult } from "./session";
import type { SqlStatus } from "./verdict";

/** A check of the SQL as it stands (null while none has run); SQL the lab cannot plan is an error. */
export function sqlStatusOf(check: CheckResult | null): SqlStatus {
  if (!check) return "unchecked";
  return check.ok ? check.status : "error";
}
