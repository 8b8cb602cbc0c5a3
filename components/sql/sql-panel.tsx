"use client";
import { useState } from "react";
import type { Fix } from "@/lib/sql/verdict";
import { CheckStatus } from "./check-status";
import { LabStatusLine } from "./lab-status-line";
import { PlanView } from "./plan-view";
import { SqlEditor } from "./sql-editor";
import { StatementSummary } from "./statement-summary";
import type { DesignCheck } from "./use-design-check";
import { useFixTrials } from "./use-fix-trials";
import { VerdictList } from "./verdict-list";
import { useDarkMode } from "@/components/ui/use-dark-mode";

/** The SQL editor and the design's one check of it (see useDesignCheck), with fixes to try. */
export function SqlPanel({
  sql,
  revision,
  onSqlChange,
  onReplaceSql,
  check,
}: {
  readonly sql: string;
  readonly revision: number;
  readonly onSqlChange: (sql: string) => void;
  /** Replaces the editor's text from outside (a fix tried, or undone). */
  readonly onReplaceSql: (sql: string) => void;
  readonly check: DesignCheck;
}) {
  const dark = useDarkMode();
  const { status, last: result, current, stale, runNow } = check;
  const ready = status.state === "ready";
  const trials = useFixTrials(sql, check.tryFix);
  const [before, setBefore] = useState<string | null>(null);
  const apply = (fix: Fix) => {
    if (fix.sql === null) return;
    setBefore(sql);
    onReplaceSql(fix.sql);
  };
  const undo = () => {
    if (before === null) return;
    onReplaceSql(before);
    setBefore(null);
  };
  // Markers only for an answer about the text as it stands; the next answer replaces them.
  const error = current && !current.ok ? current.error : null;

  return (
    <section aria-labelledby="sql-heading" className="space-y-3">
      <h2 id="sql-heading" className="text-lg font-semibold">
        Access pattern (SQL)
      </h2>
      {/* Alike on purpose: props passed by name, as the workbench passes each step its own. */}
      <SqlEditor
        value={sql}
        revision={revision}
        onChange={onSqlChange}
        onRun={runNow}
        error={error}
        dark={dark}
        labSettled={status.state !== "booting"}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          data-testid="check-button"
          onClick={runNow}
          disabled={!ready}
          className="whitespace-nowrap rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Check now
        </button>
        {before !== null && before !== sql && (
          <button
            type="button"
            data-testid="undo-fix"
            onClick={undo}
            title={before}
            className="whitespace-nowrap rounded border border-slate-400 px-3 py-1.5 text-sm"
          >
            Undo the fix: back to your SQL
          </button>
        )}
        <LabStatusLine status={status} />
      </div>
      <div aria-live="polite" data-stale={stale || undefined} className="min-h-10 space-y-3">
        {result && <CheckStatus result={result} />}
        {result?.ok && <StatementSummary result={result} />}
        {result?.ok && (
          <VerdictList
            verdicts={result.verdicts}
            actions={stale ? undefined : { apply, ...trials }}
          />
        )}
        {result?.ok && <PlanView plan={result.plan} verdicts={result.verdicts} />}
      </div>
    </section>
  );
}
