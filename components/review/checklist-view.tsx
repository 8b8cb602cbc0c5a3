import { MARK_LABELS } from "@/lib/design/mark";
import type { ChecklistItem, ItemState } from "@/lib/generate/verify";
import { MARK_STYLE } from "@/components/ui/marks";

const STATE_TEXT: Readonly<Record<ItemState, string>> = { ...MARK_LABELS, todo: "to do" };
const STATE_TONE: Readonly<Record<ItemState, string>> = {
  pass: MARK_STYLE.pass.tone,
  warning: MARK_STYLE.warning.tone,
  failed: MARK_STYLE.failed.tone,
  unchecked: MARK_STYLE.unchecked.tone,
  todo: "text-slate-600 dark:text-slate-400",
};

/**
 * The guide's checklist: each item passed, waiting for a reviewer's OK (with the reason), failed,
 * not checked yet, or to do for the author. Only a pass reads as done.
 */
export function ChecklistView({ items }: { readonly items: readonly ChecklistItem[] }) {
  return (
    <ul data-testid="checklist" className="space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.id} data-item={item.id} data-state={item.state} className="flex gap-2">
          <span className={`w-28 shrink-0 font-semibold ${STATE_TONE[item.state]}`}>
            {STATE_TEXT[item.state]}
          </span>
          <span>
            {item.text}
            {item.why && (
              <span
                data-testid="checklist-why"
                className="block text-xs text-slate-600 dark:text-slate-400"
              >
                {item.why}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
