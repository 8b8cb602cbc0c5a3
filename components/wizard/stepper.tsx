import { STEPS, type StepId, type StepState } from "@/lib/design/steps";

const MARK: Record<StepState, { icon: string; tone: string; label: string }> = {
  ok: { icon: "✓", tone: "text-emerald-700 dark:text-emerald-300", label: "ok" },
  warning: { icon: "!", tone: "text-amber-700 dark:text-amber-300", label: "has warnings" },
  error: { icon: "✕", tone: "text-red-700 dark:text-red-300", label: "needs attention" },
};

/** Every step, reachable in any order, each showing its state from the design's rules. */
export function Stepper(props: {
  readonly current: StepId;
  readonly states: Record<StepId, StepState>;
  readonly onSelect: (step: StepId) => void;
}) {
  return (
    <nav aria-label="Wizard steps" className="overflow-x-auto">
      <ol className="flex min-w-max gap-1">
        {STEPS.map((step, i) => {
          const state = props.states[step.id];
          const current = step.id === props.current;
          return (
            <li key={step.id}>
              <button
                type="button"
                data-testid={`step-${step.id}`}
                data-state={state}
                aria-current={current ? "step" : undefined}
                aria-label={`Step ${i + 1}: ${step.title} (${MARK[state].label})`}
                onClick={() => props.onSelect(step.id)}
                className={`flex items-center gap-2 rounded px-3 py-1.5 text-sm ${current ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
              >
                <span aria-hidden className={current ? "" : MARK[state].tone}>
                  {MARK[state].icon}
                </span>
                {i + 1}. {step.title}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
