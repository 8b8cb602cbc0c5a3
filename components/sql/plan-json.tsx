import type { ExplainOutput } from "@/lib/sql/plan";

export function PlanJson({ plan }: { readonly plan: ExplainOutput }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Raw plan (EXPLAIN JSON)</summary>
      <pre
        data-testid="plan-json"
        className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900"
      >
        {JSON.stringify(plan, null, 2)}
      </pre>
    </details>
  );
}
