import { MARK_LABELS, type Mark } from "@/lib/design/mark";
import { STEPS, type StepId } from "@/lib/design/steps";
import { MarkIcon, MarkLegend } from "@/components/ui/marks";

/** Every step, reachable in any order, each with its mark, and what the marks mean. */
export function Stepper(props: {
  readonly current: StepId;
  readonly states: Record<StepId, Mark>;
  readonly onSelect: (step: StepId) => void;
}) {
  return (
    <div className="space-y-1">
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
                  aria-label={`Step ${i + 1}: ${step.title} (${MARK_LABELS[state]})`}
                  onClick={() => props.onSelect(step.id)}
                  className={`flex items-center gap-2 rounded px-3 py-1.5 text-sm ${current ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                >
                  <MarkIcon mark={state} plain={current} />
                  {i + 1}. {step.title}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <MarkLegend />
    </div>
  );
}
