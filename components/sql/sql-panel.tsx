"use client";
import { useEffect } from "react";
import type { CheckResult } from "@/lib/sql/session";
import { CheckStatus } from "./check-status";
import { IndexAdvice } from "./index-advice";
import { LabStatusLine } from "./lab-status-line";
import { PlanView } from "./plan-view";
import { SqlEditor } from "./sql-editor";
import { StatementSummary } from "./statement-summary";
import { useLab } from "./use-lab";
import { useLiveCheck } from "./use-live-check";
import { VerdictList } from "./verdict-list";
import { useDarkMode } from "@/components/ui/use-dark-mode";

export function SqlPanel({
  sql,
  revision,
  onSqlChange,
  onResult,
}: {
  readonly sql: string;
  readonly revision: number;
  readonly onSqlChange: (sql: string) => void;
  /** Hears every new verdict, so the design can follow the SQL's tables and status. */
  readonly onResult?: (result: CheckResult, sql: string) => void;
}) {
  const { status, check, advise } = useLab();
  const dark = useDarkMode();
  const ready = status.state === "ready";
  const { result, checkedSql, stale, runNow } = useLiveCheck(sql, ready, check);
  useEffect(() => {
    if (result && checkedSql !== null) onResult?.(result, checkedSql);
  }, [result, checkedSql, onResult]);
  const fixable = result?.ok && result.verdicts.some((v) => v.proposedIndex);

  return (
    <section aria-labelledby="sql-heading" className="space-y-3">
      <h2 id="sql-heading" className="text-lg font-semibold">
        Access pattern (SQL)
      </h2>
      <SqlEditor
        value={sql}
        revision={revision}
        onChange={onSqlChange}
        onRun={runNow}
        dark={dark}
      />
      <div className="flex items-center gap-3">
        <button
          type="button"
          data-testid="check-button"
          onClick={runNow}
          disabled={!ready}
          className="whitespace-nowrap rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Check now
        </button>
        <LabStatusLine status={status} />
      </div>
      <div aria-live="polite" data-stale={stale || undefined} className="min-h-10 space-y-3">
        {result && <CheckStatus result={result} />}
        {result?.ok && <StatementSummary result={result} />}
        {result?.ok && <VerdictList verdicts={result.verdicts} />}
        {fixable && <IndexAdvice sql={sql} advise={advise} />}
        {result?.ok && <PlanView plan={result.plan} verdicts={result.verdicts} />}
      </div>
    </section>
  );
}
