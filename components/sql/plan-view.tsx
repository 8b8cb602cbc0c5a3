import { terminalText } from "@/lib/export/terminal-text";
import type { ExplainOutput } from "@/lib/sql/plan";
import type { Verdict } from "@/lib/sql/verdict";
import { PlanTree } from "./plan-tree";

/** The plan as a tree with flagged nodes marked, and the raw JSON one click away. */
export function PlanView({
  plan,
  verdicts,
}: {
  readonly plan: ExplainOutput;
  readonly verdicts: readonly Verdict[];
}) {
  const flagged = new Set(verdicts.filter((v) => v.severity !== "info").flatMap((v) => v.nodeIds));
  return (
    <section aria-labelledby="plan-heading" className="space-y-2">
      <h3 id="plan-heading" className="text-sm font-semibold">
        Plan in this sandbox (empty tables; the verdicts reason about production)
      </h3>
      <PlanTree plan={plan} flagged={flagged} />
      <details className="text-sm">
        <summary className="cursor-pointer">Raw plan (EXPLAIN JSON)</summary>
        <pre
          tabIndex={0}
          data-testid="plan-json"
          className="scroll-cue cue-muted mt-2 max-h-80 overflow-auto rounded p-2 text-xs"
        >
          {/* Still JSON: hidden characters become \u escapes inside its strings. */}
          {terminalText(JSON.stringify(plan, null, 2))}
        </pre>
      </details>
    </section>
  );
}
