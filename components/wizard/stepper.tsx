import { MARK_LABELS, type Mark } from "@/lib/design/mark";
import { STEPS, type StepId } from "@/lib/design/steps";
import { MarkIcon, MarkLegend } from "@/components/ui/marks";

/**
 * Every step, reachable in any order, each with its mark, and what the marks mean. On a phone the
 * buttons shrink to their numbers and the current step is named beneath, so all six fit.
 */
export function Stepper(props: {
  readonly current: StepId;
  readonly states: Record<StepId, Mark>;
  readonly onSelect: (step: StepId) => void;
}) {
  const index = STEPS.findIndex((s) => s.id === props.current);
  return (
    <div className="space-y-1">
      <nav aria-label="Wizard steps">
        <ol className="flex flex-wrap gap-1">
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
                  aria-label={`Step ${i + 1}: ${step.title} (${MARK_LABELS[state]})`}
                  onClick={() => props.onSelect(step.id)}
                  className={`flex items-center gap-1.5 rounded px-2.5 py-1.5 text-sm sm:gap-2 sm:px-3 ${current ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                >
                  <MarkIcon mark={state} plain={current} />
                  <span>
                    {i + 1}
                    <span className="hidden sm:inline">. {step.title}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <p className="text-sm sm:hidden" aria-hidden>
        Step {index + 1} of {STEPS.length}: <strong>{STEPS[index]?.title}</strong>
      </p>
      <MarkLegend />
      <p data-testid="keyboard-hint" className="text-xs text-slate-600 dark:text-slate-400">
        <kbd>Alt</kbd>+<kbd>←</kbd> and <kbd>Alt</kbd>+<kbd>→</kbd> move between steps; the step is
        in the address, so a reload or a link opens it.
      </p>
    </div>
  );
}
