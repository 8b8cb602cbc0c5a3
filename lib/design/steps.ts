/**
 * The wizard's steps and each one's mark, from the same rules the rest of the workbench uses:
 * failed when something the step owns blocks the change, a warning when it needs a reviewer's OK,
 * not checked yet while the SQL lab has still to answer for what the step shows, else a pass.
 */
import type { SqlSummary } from "../sql/summary";
import { markOfProblem, markOfSql, worstMark, type Mark } from "./mark";
import type { Problem } from "./problem";
import { BINDS_RULE, ROW_RULE } from "./sql-agreement";

export const STEPS = [
  { id: "eligibility", title: "Eligibility" },
  { id: "access", title: "Access pattern" },
  { id: "proto", title: "Proto" },
  { id: "clients", title: "Clients" },
  { id: "rust", title: "Rust" },
  { id: "verify", title: "Verify" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];

/**
 * Which step owns a problem: a bind of `$n` to a request field, and a SELECT that cannot decode
 * into the struct the query fills, are the Rust's; the rest by the design field they point at.
 */
export function stepOfProblem(problem: Problem): StepId {
  if (problem.rule === BINDS_RULE || problem.rule === ROW_RULE) return "rust";
  const root = problem.path.split(".")[0] ?? "";
  if (
    ["tables", "categoryOverride", "leaderSafety", "personWriteBackend", "operation"].includes(root)
  )
    return "eligibility";
  if (["consistency", "batch", "sql"].includes(root)) return "access";
  return "proto";
}

export function isStepId(value: string | null): value is StepId {
  return STEPS.some((s) => s.id === value);
}

/**
 * `problems` must include what the check of the SQL showed (see designProblems). Eligibility (the
 * tables the SQL touches) and Rust (what each `$n` takes) are not checked until the lab has planned
 * the SQL: while it starts, and while the SQL does not plan (the access step says why).
 */
export function stepStates(
  problems: readonly Problem[],
  sql: SqlSummary,
  hasCode: boolean,
): Record<StepId, Mark> {
  const own = (step: StepId) =>
    problems.filter((p) => stepOfProblem(p) === step).map(markOfProblem);
  const waiting: Mark = sql.facts ? "pass" : "unchecked";
  const code: Mark = hasCode ? "pass" : "failed";
  const states = {
    eligibility: worstMark([...own("eligibility"), waiting]),
    access: worstMark([...own("access"), markOfSql(sql)]),
    proto: worstMark(own("proto")),
    clients: code,
    rust: worstMark([code, ...own("rust"), waiting]),
  };
  return { ...states, verify: worstMark(Object.values(states)) };
}
