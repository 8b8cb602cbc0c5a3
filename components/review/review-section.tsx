import type { ReactNode } from "react";
import { MARK_LABELS, type Mark } from "@/lib/design/mark";
import { MarkIcon } from "@/components/ui/marks";

/** One titled part of the review page, with its mark; the heading labels the region. */
export function ReviewSection({
  id,
  title,
  mark,
  children,
}: {
  readonly id: string;
  readonly title: ReactNode;
  /** The same mark the workbench's stepper shows for this part. */
  readonly mark?: Mark;
  readonly children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h2 id={`${id}-heading`} className="flex items-center gap-2 text-lg font-semibold">
        {mark && (
          <span data-testid={`mark-${id}`} data-state={mark} className="flex items-center gap-1">
            <MarkIcon mark={mark} />
            <span className="sr-only">{MARK_LABELS[mark]}:</span>
          </span>
        )}
        {title}
      </h2>
      {children}
    </section>
  );
}
