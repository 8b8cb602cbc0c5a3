"use client";
import { useCallback, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";
import { CheckStatus } from "./check-status";
import { PlanJson } from "./plan-json";
import { SqlEditor } from "./sql-editor";
import { useLab } from "./use-lab";
import { VerdictList } from "./verdict-list";
import { useDarkMode } from "@/components/ui/use-dark-mode";

export function SqlPanel({
  sql,
  onSqlChange,
}: {
  readonly sql: string;
  readonly onSqlChange: (sql: string) => void;
}) {
  const { status, check } = useLab();
  const dark = useDarkMode();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [running, setRunning] = useState(false);
  const ready = status.state === "ready";

  const run = useCallback(async () => {
    setRunning(true);
    setResult(await check(sql));
    setRunning(false);
  }, [check, sql]);

  return (
    <section aria-labelledby="sql-heading" className="space-y-3">
      <h2 id="sql-heading" className="text-lg font-semibold">
        Access pattern (SQL)
      </h2>
      <SqlEditor value={sql} onChange={onSqlChange} onRun={run} dark={dark} />
      <div className="flex items-center gap-3">
        <button
          type="button"
          data-testid="check-button"
          onClick={run}
          disabled={!ready || running}
          className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {running ? "Checking…" : "Check"}
        </button>
        <span
          data-testid="lab-status"
          data-state={status.state}
          className="text-sm text-slate-600 dark:text-slate-400"
        >
          {status.state === "booting" && "Starting the database in your browser…"}
          {status.state === "ready" &&
            `Database ready (${Math.round(status.bootMs)} ms). Ctrl/Cmd+Enter checks.`}
          {status.state === "failed" && `The database could not start: ${status.message}`}
        </span>
      </div>
      {result && <CheckStatus result={result} />}
      {result?.ok && <VerdictList verdicts={result.verdicts} />}
      {result?.ok && <PlanJson plan={result.plan} />}
    </section>
  );
}
