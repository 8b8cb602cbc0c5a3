import type { Problem } from "@/lib/design/problem";
import { stepOfProblem, type StepId } from "@/lib/design/steps";
import { ProblemList } from "./problem-list";

/** The problems a step owns (its mark comes from them), shown on that step; nothing when none. */
export function StepProblems({
  problems,
  step,
}: {
  readonly problems: readonly Problem[];
  readonly step: StepId;
}) {
  const own = problems.filter((p) => stepOfProblem(p) === step);
  if (own.length === 0) return null;
  return (
    <div data-testid={`step-problems-${step}`}>
      <ProblemList problems={own} />
    </div>
  );
}
