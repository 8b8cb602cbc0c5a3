/**
 * Where a part of the design stands, in one vocabulary for every view (step marks, checklist,
 * review page, PR description, zip). Three answers and a fourth state:
 * - `pass`: earned, by the SQL lab or the design's rules;
 * - `warning`: passes only with a reviewer's OK, and always says why;
 * - `failed`: must change before the RPC is added;
 * - `unchecked`: the SQL lab has not answered yet. It is never shown as a pass or as a warning.
 */
import type { SqlSummary } from "../sql/summary";
import type { Problem } from "./problem";

export const MARKS = ["pass", "warning", "failed", "unchecked"] as const;
export type Mark = (typeof MARKS)[number];

/** How each mark reads, in the legend and wherever a mark needs words. */
export const MARK_LABELS: Readonly<Record<Mark, string>> = {
  pass: "passes",
  warning: "needs a reviewer's OK",
  failed: "failed",
  unchecked: "not checked yet",
};

/**
 * Most serious first. A check still to come outranks a warning: until it answers, the part may
 * yet fail, so it must not read as "passes with a reviewer's OK".
 */
const SERIOUSNESS: readonly Mark[] = ["failed", "unchecked", "warning", "pass"];

/** The most serious of some marks; pass when there are none. */
export function worstMark(marks: Iterable<Mark>): Mark {
  const all = new Set(marks);
  return SERIOUSNESS.find((m) => all.has(m)) ?? "pass";
}

/** A design problem as a mark: errors fail, warnings need a reviewer's OK. */
export function markOfProblem(problem: Problem): Mark {
  return problem.severity === "error" ? "failed" : "warning";
}

/**
 * The SQL lab's answer as a mark: an error and nothing checked both fail; pass, warning and
 * unchecked are marks already (a new status that is not one fails to compile here).
 */
export function markOfSql(sql: SqlSummary): Mark {
  return sql.status === "error" || sql.status === "nothing-checked" ? "failed" : sql.status;
}
