import type { Verdict } from "@/lib/sql/verdict";
import { InlineCode } from "@/components/ui/inline-code";
import { FixList, type FixActions } from "./fix-list";

const TONE: Record<Verdict["severity"], string> = {
  error: "border-red-600 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-50",
  warning: "border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50",
  info: "border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50",
};

function Columns({
  label,
  columns,
}: {
  readonly label: string;
  readonly columns: readonly string[];
}) {
  if (columns.length === 0) return null;
  return (
    <span className="mr-3">
      {label}: <code>{columns.join(", ")}</code>
    </span>
  );
}

/** One box per finding (the analysis already folds restatements), each with its fixes in order. */
export function VerdictList({
  verdicts,
  actions,
}: {
  readonly verdicts: readonly Verdict[];
  readonly actions?: FixActions;
}) {
  // Alike on purpose: ProblemList's rows share these data attributes (tests read them), not content.
  return (
    <ul data-testid="verdicts" className="space-y-2">
      {verdicts.map((v, i) => (
        <li
          key={i}
          data-severity={v.severity}
          data-rule={v.rule}
          data-index={v.index ?? ""}
          className={`rounded border-l-4 p-2 text-sm ${TONE[v.severity]}`}
        >
          <p>
            <strong className="uppercase">{v.severity}</strong>{" "}
            <span className="opacity-75">[{v.rule}]</span> <InlineCode text={v.message} />
          </p>
          {(v.matched.length > 0 || v.filtered.length > 0) && (
            <p className="mt-1 text-xs">
              <Columns label="index matches" columns={v.matched} />
              <Columns label="filtered" columns={v.filtered} />
            </p>
          )}
          {v.fixes.length > 0 ? (
            <FixList fixes={v.fixes} actions={actions} />
          ) : (
            v.advice && (
              <p className="mt-1">
                → <InlineCode text={v.advice} />
              </p>
            )
          )}
        </li>
      ))}
    </ul>
  );
}
