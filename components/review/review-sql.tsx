import type { Review } from "@/lib/review/review";
import type { CheckResult } from "@/lib/sql/session";
import type { LabStatus } from "@/workers/lab-client";
import { HighlightedCode } from "@/components/snippets/highlighted-code";
import { CheckStatus } from "@/components/sql/check-status";
import { LabStatusLine } from "@/components/sql/lab-status-line";
import { PlanView } from "@/components/sql/plan-view";
import { VerdictList } from "@/components/sql/verdict-list";
import { ReviewSection } from "./review-section";

/** The SQL as the author wrote it, and the verdict this browser computed for it just now. */
export function ReviewSql({
  review,
  result,
  status,
  omitted,
}: {
  readonly review: Review;
  readonly result: CheckResult | null;
  readonly status: LabStatus;
  readonly omitted: boolean;
}) {
  const { sql } = review;
  return (
    <ReviewSection id="sql" title="SQL" mark={review.marks.access}>
      {sql.state === "empty" ? (
        <p data-testid="review-sql-empty" className="text-sm">
          {omitted ? "The author left the SQL out of this link." : "This design has no SQL yet."}
        </p>
      ) : (
        <>
          <pre
            tabIndex={0}
            data-testid="review-sql"
            className="scroll-cue cue-muted overflow-auto rounded p-2 text-sm"
          >
            <HighlightedCode code={sql.text} language="sql" />
          </pre>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Checked here, in your browser, against the persons schema: EXPLAIN only, inside a
            transaction that is rolled back. Nothing in the link is trusted as a verdict.
          </p>
          {result ? (
            <>
              <CheckStatus result={result} />
              {result.ok && <VerdictList verdicts={result.verdicts} />}
              {result.ok && <PlanView plan={result.plan} verdicts={result.verdicts} />}
            </>
          ) : (
            <LabStatusLine status={status} />
          )}
        </>
      )}
    </ReviewSection>
  );
}
