/** What the analysis says about a query: one verdict per finding, most severe first. */

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULES = {
  "seq-scan": "A personhog table is read by a sequential scan",
  "index-scan": "A table is read through an index",
  "not-eligible": "The table is not personhog data",
} as const;
export type RuleId = keyof typeof RULES;

export interface Verdict {
  readonly severity: Severity;
  readonly rule: RuleId;
  /** The table as the user names it (partitions folded into their parent). */
  readonly table: string | null;
  readonly index: string | null;
  readonly message: string;
  /** What to do about it; empty when nothing needs doing. */
  readonly advice: string;
}

export function bySeverity(a: Verdict, b: Verdict): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/** The worst severity present, or "ok" when there is nothing worse than info. */
export function overallStatus(verdicts: readonly Verdict[]): "error" | "warning" | "ok" {
  if (verdicts.some((v) => v.severity === "error")) return "error";
  if (verdicts.some((v) => v.severity === "warning")) return "warning";
  return "ok";
}
