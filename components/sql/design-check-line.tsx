import { MARK_LABELS, markOfSql } from "@/lib/design/mark";
import type { SqlSummary } from "@/lib/sql/summary";
import type { LabStatus } from "@/workers/lab-client";
import { MarkIcon } from "@/components/ui/marks";

/** The SQL lab's answer for the design's SQL, wherever the SQL step is not open. */
export function DesignCheckLine({
  sql,
  lab,
}: {
  readonly sql: SqlSummary;
  readonly lab: LabStatus;
}) {
  const mark = markOfSql(sql);
  const waiting =
    lab.state === "failed"
      ? `the database could not start: ${lab.message}`
      : lab.state === "booting"
        ? "starting the database…"
        : "checking…";
  return (
    <span
      data-testid="design-check"
      data-status={sql.status}
      className="flex items-center gap-1 text-xs"
    >
      <MarkIcon mark={mark} />
      SQL lab: {MARK_LABELS[mark]}
      {mark === "unchecked" && ` (${waiting})`}
    </span>
  );
}
