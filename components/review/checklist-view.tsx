import type { ChecklistItem } from "@/lib/generate/verify";

const STATE_TEXT = { done: "done", todo: "to do", blocked: "blocked" } as const;
const STATE_TONE = {
  done: "text-emerald-700 dark:text-emerald-300",
  todo: "text-slate-600 dark:text-slate-400",
  blocked: "text-red-700 dark:text-red-300",
} as const;

/** The guide's checklist, each item ticked, open or blocked by the design's own verdicts. */
export function ChecklistView({ items }: { readonly items: readonly ChecklistItem[] }) {
  return (
    <ul data-testid="checklist" className="space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.id} data-item={item.id} data-state={item.state} className="flex gap-2">
          <span className={`w-16 shrink-0 font-semibold ${STATE_TONE[item.state]}`}>
            {STATE_TEXT[item.state]}
          </span>
          <span>
            {item.text}
            {item.why && (
              <span className="block text-xs text-slate-600 dark:text-slate-400">{item.why}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
