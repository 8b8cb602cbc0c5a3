import { MARKS, MARK_LABELS, type Mark } from "@/lib/design/mark";

/** Each mark's glyph and tone; "not checked yet" is hollow and grey, never a colour of an answer. */
export const MARK_STYLE: Readonly<Record<Mark, { icon: string; tone: string }>> = {
  pass: { icon: "✓", tone: "text-emerald-700 dark:text-emerald-300" },
  warning: { icon: "?", tone: "text-amber-700 dark:text-amber-300" },
  failed: { icon: "✕", tone: "text-red-700 dark:text-red-300" },
  unchecked: { icon: "○", tone: "text-slate-500 dark:text-slate-400" },
};

export function MarkIcon({
  mark,
  plain = false,
}: {
  readonly mark: Mark;
  readonly plain?: boolean;
}) {
  return (
    <span aria-hidden className={plain ? undefined : MARK_STYLE[mark].tone}>
      {MARK_STYLE[mark].icon}
    </span>
  );
}

/** What each mark means, next to wherever marks are shown. */
export function MarkLegend() {
  return (
    <ul
      data-testid="mark-legend"
      aria-label="What the marks mean"
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
    >
      {MARKS.map((mark) => (
        <li key={mark} className="flex items-center gap-1">
          <MarkIcon mark={mark} />
          {MARK_LABELS[mark]}
        </li>
      ))}
    </ul>
  );
}
