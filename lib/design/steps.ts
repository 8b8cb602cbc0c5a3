/**
 * The wizard's steps and each one's state, from the same rules the rest of the workbench uses:
 * a step is an error when something it owns blocks the change, a warning when a convention is
 * bent, ok otherwise.
 */
import type { SqlStatus } from "../sql/verdict";
import type { Problem } from "./problem";

export const STEPS = [
  { id: "eligibility", title: "Eligibility" },
  { id: "access", title: "Access pattern" },
  { id: "proto", title: "Proto" },
  { id: "clients", title: "Clients" },
  { id: "rust", title: "Rust" },
  { id: "verify", title: "Verify" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];
export type StepState = "ok" | "warning" | "error";

/** Which step owns a problem, by the design field it points at. */
export function stepOfProblem(problem: Problem): StepId {
  const root = problem.path.split(".")[0] ?? "";
  if (["tables", "categoryOverride", "leaderSafety", "operation"].includes(root))
    return "eligibility";
  if (["consistency", "batch", "sql"].includes(root)) return "access";
  return "proto";
}

export function isStepId(value: string | null): value is StepId {
  return STEPS.some((s) => s.id === value);
}

/** The worst of some states; ok when there are none. */
function worst(states: readonly StepState[]): StepState {
  return states.includes("error") ? "error" : states.includes("warning") ? "warning" : "ok";
}

export function stepStates(
  problems: readonly Problem[],
  sql: SqlStatus,
  hasCode: boolean,
): Record<StepId, StepState> {
  const own = (step: StepId) =>
    worst(problems.filter((p) => stepOfProblem(p) === step).map((p) => p.severity));
  // A query the lab has not passed yet leaves the access step unfinished.
  const sqlState: StepState =
    sql === "unchecked"
      ? "warning"
      : sql === "pass"
        ? "ok"
        : sql === "warning"
          ? "warning"
          : "error";
  const code: StepState = hasCode ? "ok" : "error";
  const states = {
    eligibility: own("eligibility"),
    access: worst([own("access"), sqlState]),
    proto: own("proto"),
    clients: code,
    rust: code,
  };
  return { ...states, verify: worst(Object.values(states)) };
}
