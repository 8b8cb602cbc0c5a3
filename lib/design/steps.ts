/**
 * The wizard's steps and each one's state, from the same rules the rest of the workbench uses:
 * a step is an error when something it owns blocks the change, a warning when a convention is
 * bent, ok otherwise.
 */
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
  if (["tables", "categoryOverride", "leaderSafety"].includes(root)) return "eligibility";
  if (["operation", "consistency", "batch", "sql"].includes(root)) return "access";
  return "proto";
}

export function isStepId(value: string | null): value is StepId {
  return STEPS.some((s) => s.id === value);
}

export function stepStates(
  problems: readonly Problem[],
  sql: "ok" | "warning" | "error" | "unchecked",
  hasCode: boolean,
): Record<StepId, StepState> {
  const worst = (step: StepId): StepState => {
    const mine = problems.filter((p) => stepOfProblem(p) === step);
    if (mine.some((p) => p.severity === "error")) return "error";
    return mine.length > 0 ? "warning" : "ok";
  };
  const access = worst("access");
  const sqlState: StepState =
    sql === "error" ? "error" : sql === "warning" || sql === "unchecked" ? "warning" : "ok";
  const code: StepState = hasCode ? "ok" : "error";
  const states = {
    eligibility: worst("eligibility"),
    access:
      access === "error" || sqlState === "error"
        ? "error"
        : access === "warning" || sqlState === "warning"
          ? "warning"
          : "ok",
    proto: worst("proto"),
    clients: code,
    rust: code,
  } as const;
  const all = Object.values(states);
  const verify: StepState = all.includes("error")
    ? "error"
    : all.includes("warning")
      ? "warning"
      : "ok";
  return { ...states, verify };
}
