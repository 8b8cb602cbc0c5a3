import type { Problem } from "@/lib/design/problem";
import { InlineCode } from "@/components/ui/inline-code";

/** Design problems, errors first, each citing its rule. */
export function ProblemList({ problems }: { readonly problems: readonly Problem[] }) {
  if (problems.length === 0)
    return (
      <p data-testid="design-ok" className="text-sm text-emerald-700 dark:text-emerald-300">
        The design follows every convention the workbench checks.
      </p>
    );
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  // Alike on purpose: VerdictList's rows share these data attributes (tests read them), not content.
  return (
    <ul data-testid="design-problems" className="space-y-1 text-sm">
      {sorted.map((p, i) => (
        <li
          key={i}
          data-severity={p.severity}
          data-rule={p.rule}
          className={
            p.severity === "error"
              ? "text-red-700 dark:text-red-300"
              : "text-amber-700 dark:text-amber-300"
          }
        >
          <strong className="uppercase">{p.severity}</strong> <InlineCode text={p.message} />{" "}
          {p.rule && <span className="whitespace-nowrap">[{p.rule}]</span>}
        </li>
      ))}
    </ul>
  );
}
