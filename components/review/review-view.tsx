"use client";
import { useMemo } from "react";
import { terminalText } from "@/lib/export/terminal-text";
import { buildReview } from "@/lib/review/review";
import { prDescription } from "@/lib/review/pr-description";
import { shareUrls } from "@/lib/review/share-urls";
import { TargetContext } from "@/components/snippets/target-context";
import { LinkWarnings } from "@/components/share/link-warnings";
import { CopyButton } from "@/components/ui/copy-button";
import { MarkLegend } from "@/components/ui/marks";
import { useDesignCheck } from "@/components/sql/use-design-check";
import { ProblemList } from "@/components/wizard/problem-list";
import { ChecklistView } from "./checklist-view";
import { ReviewEligibility } from "./review-eligibility";
import { ReviewFiles } from "./review-files";
import { ReviewSection } from "./review-section";
import { ReviewSql } from "./review-sql";
import { useLinkedDesign } from "./use-linked-design";

/** Read-only: the design from the link, with every verdict recomputed in this browser. */
export function ReviewView() {
  const { decoded, fragment } = useLinkedDesign();
  const design = decoded?.design ?? null;
  // The reviewer's own check (EXPLAIN only, rolled back): a link carries no verdicts.
  const check = useDesignCheck(design?.sql ?? "");
  const { current: result, settled } = check;
  const review = useMemo(() => (design ? buildReview(design, result) : null), [design, result]);

  if (!decoded) return <p data-testid="review-loading">Reading the link…</p>;
  if (!design || !review) {
    return (
      <div className="space-y-3">
        <LinkWarnings warnings={decoded.warnings} />
        <p data-testid="review-empty">
          This link holds no design to review. Open the{" "}
          <a className="underline" href="/wizard">
            workbench
          </a>{" "}
          to make one, then use “Copy review link”.
        </p>
      </div>
    );
  }
  const urls = shareUrls(window.location.origin, fragment);
  return (
    <TargetContext.Provider value={design.target}>
      <div data-testid="review" data-status={review.sqlStatus} className="space-y-8">
        <header className="space-y-3">
          <h1 className="text-2xl font-bold">
            Review: <span data-testid="review-title">{terminalText(review.title)}</span>
          </h1>
          <div className="flex flex-wrap gap-2">
            <a
              data-testid="open-in-workbench"
              href={urls.workbench}
              className="rounded border border-slate-400 px-2 py-0.5 text-xs"
            >
              Open in the workbench (edit a copy)
            </a>
            <CopyButton
              text={async () => prDescription(buildReview(design, await settled(design.sql)), urls)}
              label="Copy PR description"
              busyLabel={check.pending ? "Waiting for the SQL check…" : undefined}
              testId="copy-pr-description"
            />
            <CopyButton text={urls.review} label="Copy review link" testId="copy-review-link" />
          </div>
          <LinkWarnings warnings={decoded.warnings} />
          <MarkLegend />
        </header>
        <ReviewEligibility review={review} />
        <ReviewSection id="rules" title="Conventions">
          <ProblemList problems={review.problems} />
        </ReviewSection>
        <ReviewSql
          review={review}
          result={result}
          status={check.status}
          omitted={decoded.omitted.includes("sql")}
        />
        <ReviewFiles review={review} />
        <ReviewSection id="checklist" title="Checklist" mark={review.marks.verify}>
          <ChecklistView items={review.checklist} />
        </ReviewSection>
      </div>
    </TargetContext.Provider>
  );
}
