import { worstMark } from "@/lib/design/mark";
import type { Review } from "@/lib/review/review";
import { SnippetCard } from "@/components/snippets/snippet-card";
import { StepProblems } from "@/components/wizard/step-problems";
import { ReviewSection } from "./review-section";

/** The proto first (what reviewers read first), then every file touched with its snippets. */
export function ReviewFiles({ review }: { readonly review: Review }) {
  if (review.noCode !== null) {
    return (
      <ReviewSection
        id="files"
        title="Files touched"
        mark={worstMark([review.marks.clients, review.marks.rust])}
      >
        <p data-testid="no-snippets" className="text-sm">
          No code: {review.noCode}
        </p>
      </ReviewSection>
    );
  }
  return (
    <>
      <ReviewSection id="proto" title="Proto" mark={review.marks.proto}>
        {review.proto.map((s) => (
          <SnippetCard key={s.id} snippet={s} />
        ))}
      </ReviewSection>
      <ReviewSection
        id="files"
        title={`Files touched (${review.files.length})`}
        mark={worstMark([review.marks.clients, review.marks.rust])}
      >
        <StepProblems problems={review.problems} step="rust" />
        <ul data-testid="review-files" className="space-y-1">
          {review.files.map((f) => (
            <li key={f.file}>
              <details>
                <summary className="cursor-pointer font-mono text-xs">
                  {f.file}{" "}
                  <span className="text-slate-600 dark:text-slate-400">({f.snippets.length})</span>
                </summary>
                <div className="mt-2 space-y-2">
                  {f.snippets.map((s) => (
                    <SnippetCard key={s.id} snippet={s} />
                  ))}
                </div>
              </details>
            </li>
          ))}
        </ul>
      </ReviewSection>
    </>
  );
}
