import { UNDECIDED_ROUTE, type Review } from "@/lib/review/review";
import { StepProblems } from "@/components/wizard/step-problems";
import { ReviewSection } from "./review-section";

const SOURCE = {
  design: "chosen in the design",
  sql: "found in the SQL",
  both: "chosen and in the SQL",
};

/** The facts of the design, the tables with their category, and where the router sends it. */
export function ReviewEligibility({ review }: { readonly review: Review }) {
  return (
    <ReviewSection id="eligibility" title="Eligibility and routing" mark={review.marks.eligibility}>
      <dl data-testid="review-facts" className="grid text-sm grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {review.facts.map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <ul data-testid="review-tables" className="space-y-1 text-sm">
        {review.tables.length === 0 && <li>No tables chosen.</li>}
        {review.tables.map((t) => (
          <li key={t.name} data-eligible={t.category !== null}>
            <code>{t.name}</code>:{" "}
            {t.category ?? (
              <strong className="text-red-700 dark:text-red-300">not personhog data</strong>
            )}{" "}
            <span className="text-slate-600 dark:text-slate-400">({SOURCE[t.source]})</span>
          </li>
        ))}
      </ul>
      <StepProblems problems={review.problems} step="eligibility" />
      <p data-testid="review-route" className="rounded bg-slate-100 p-2 text-sm dark:bg-slate-900">
        {review.route ? (
          <>
            Routed to the <strong>{review.route.backend}</strong> ({review.route.pool}).{" "}
            {review.route.reason}
          </>
        ) : (
          UNDECIDED_ROUTE
        )}
      </p>
    </ReviewSection>
  );
}
