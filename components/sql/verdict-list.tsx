import type { Verdict } from "@/lib/sql/verdict";

const TONE: Record<Verdict["severity"], string> = {
  error: "border-red-600 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
  warning: "border-amber-500 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  info: "border-emerald-600 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
};

export function VerdictList({ verdicts }: { readonly verdicts: readonly Verdict[] }) {
  return (
    <ul data-testid="verdicts" className="space-y-2">
      {verdicts.map((v, i) => (
        <li
          key={i}
          data-severity={v.severity}
          data-rule={v.rule}
          className={`rounded border-l-4 p-2 text-sm ${TONE[v.severity]}`}
        >
          <p>
            <strong className="uppercase">{v.severity}</strong> {v.message}
          </p>
          {v.advice && <p className="mt-1 opacity-80">{v.advice}</p>}
        </li>
      ))}
    </ul>
  );
}
