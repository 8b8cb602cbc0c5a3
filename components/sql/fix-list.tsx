import { fixKey, type Fix, type FixKind } from "@/lib/sql/verdict";
import { STATUS_WORDS } from "@/lib/sql/summary";
import type { CheckResult } from "@/lib/sql/session";
import { InlineCode } from "@/components/ui/inline-code";

const KIND_LABEL: Readonly<Record<FixKind, string>> = {
  "join-key": "Join on the matching column",
  "drop-cast": "Compare the column itself",
  "unwrap-column": "Compare the column itself",
  "add-predicate": "Use an existing index",
  "new-index": "New index",
  "expression-index": "Expression index",
};

/** "Try it" for each fix, and what a fix tried in the sandbox gave; absent on read-only pages. */
export interface FixActions {
  /** A predicate fix: the SQL becomes its rewritten statement (undoable), and the check runs. */
  readonly apply: (fix: Fix) => void;
  /** An index fix: checked with its index created in a transaction that is rolled back. */
  readonly trySandbox: (fix: Fix) => void;
  readonly trialOf: (fix: Fix) => CheckResult | "trying" | undefined;
}

function TrialOutcome({ trial }: { readonly trial: CheckResult | "trying" | undefined }) {
  if (trial === undefined) return null;
  if (trial === "trying") return <p className="text-xs">Trying the index…</p>;
  return (
    <p
      data-testid="fix-outcome"
      data-status={trial.ok ? trial.status : "invalid"}
      className="text-xs"
    >
      {trial.ok ? (
        <>
          With this index the query <strong>{STATUS_WORDS[trial.status]}</strong> (created in a
          transaction and rolled back).
        </>
      ) : (
        <InlineCode text={trial.error.message} />
      )}
    </p>
  );
}

/** A verdict's fixes, most preferred first, each with what "try it" does for it. */
export function FixList({
  fixes,
  actions,
}: {
  readonly fixes: readonly Fix[];
  readonly actions?: FixActions;
}) {
  if (fixes.length === 0) return null;
  return (
    <ol data-testid="fixes" className="mt-1 list-decimal space-y-1 pl-5">
      {fixes.map((fix) => (
        <li key={fixKey(fix)} data-kind={fix.kind}>
          <span className="font-semibold">{KIND_LABEL[fix.kind]}:</span>{" "}
          <InlineCode text={fix.sentence} />
          {fix.ddl && (
            <pre
              tabIndex={0}
              className="mt-1 overflow-auto rounded bg-white/60 p-1 text-xs dark:bg-black/30"
            >
              {fix.ddl};
            </pre>
          )}
          {actions && fix.sql !== null && (
            <button
              type="button"
              data-testid="try-fix"
              onClick={() => (fix.index ? actions.trySandbox(fix) : actions.apply(fix))}
              disabled={actions.trialOf(fix) === "trying"}
              className="ml-1 rounded border border-blue-700 px-2 py-0.5 text-xs text-blue-800 dark:text-blue-200"
            >
              {fix.index ? "Try it in the sandbox" : "Try it: rewrite the SQL"}
            </button>
          )}
          {actions && fix.index && <TrialOutcome trial={actions.trialOf(fix)} />}
        </li>
      ))}
    </ol>
  );
}
