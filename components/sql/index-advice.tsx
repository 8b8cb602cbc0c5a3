"use client";
import { useState } from "react";
import type { AdviceResult } from "@/lib/sql/try-fix";

type Advise = (sql: string) => Promise<AdviceResult | { ok: false; reason: string }>;

const STATUS_TEXT = {
  error: "still flagged",
  warning: "passes with warnings",
  pass: "passes",
  "nothing-checked": "checks nothing",
} as const;

/** Tries the proposed index in a rolled-back transaction and shows the check before and after. */
export function IndexAdvice({ sql, advise }: { readonly sql: string; readonly advise: Advise }) {
  const [advice, setAdvice] = useState<{
    sql: string;
    result: AdviceResult | { ok: false; reason: string };
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = advice?.sql === sql ? advice.result : null;

  const run = async () => {
    setBusy(true);
    setAdvice({ sql, result: await advise(sql) });
    setBusy(false);
  };

  return (
    <div
      data-testid="index-advice"
      className="space-y-2 rounded border border-slate-300 p-3 text-sm dark:border-slate-700"
    >
      <button
        type="button"
        onClick={run}
        disabled={busy}
        className="rounded border border-blue-700 px-2 py-1 text-blue-800 dark:text-blue-200"
      >
        {busy ? "Trying the index…" : "Try the index that would fix this"}
      </button>
      {current && !current.ok && <p>{current.reason}</p>}
      {current?.ok && (
        <>
          <pre
            tabIndex={0}
            data-testid="advice-ddl"
            className="scroll-cue cue-muted overflow-auto rounded p-2 text-xs"
          >
            {current.ddl};
          </pre>
          <p data-testid="advice-outcome">
            Before: {current.before.ok ? STATUS_TEXT[current.before.status] : "SQL error"}. With the
            index:{" "}
            <strong>{current.after.ok ? STATUS_TEXT[current.after.status] : "SQL error"}</strong>.
            The index was created in a transaction and rolled back.
          </p>
          <p>
            A new index means a migration in <code>rust/persons_migrations</code> and a conversation
            with the team that owns the persons database: indexes cost every write.
          </p>
        </>
      )}
    </div>
  );
}
