/**
 * "Copy PR description": the review as Markdown for a pull request. Everything from the design is
 * escaped or fenced (see markdown-text.ts), so a name or SQL from a link cannot reshape the text.
 * Anchors and verdicts quote code in backticks; those parts become code spans (textWithCode).
 */
import { MARK_LABELS } from "../design/mark";
import { STEPS, stepOfProblem } from "../design/steps";
import { fenced, inlineCode, linkTarget, plainText, textWithCode } from "../export/markdown-text";
import { taskLine } from "../generate/verify";
import { STATUS_WORDS } from "../sql/summary";
import type { Verdict } from "../sql/verdict";
import { UNDECIDED_ROUTE, type Review } from "./review";

export interface PrLinks {
  /** The read-only review page for this design. */
  readonly review: string;
  /** The workbench with this design loaded. */
  readonly workbench: string;
}

function verdictLine(v: Verdict): string {
  const where = v.table ? `${inlineCode(v.table)}` : "query";
  const index = v.index ? ` via ${inlineCode(v.index)}` : "";
  const advice = v.advice ? ` ${textWithCode(v.advice)}` : "";
  return `- **${v.severity}** (${v.rule}) ${where}${index}: ${textWithCode(v.message)}${advice}`;
}

function sqlSection(review: Review): string[] {
  const { sql } = review;
  if (sql.state === "empty") return ["No SQL in this design yet."];
  const block = fenced("sql", sql.text);
  if (sql.state === "unchecked") return [block, "", "Not checked in the SQL lab yet."];
  if (sql.state === "failed")
    return [block, "", `The SQL lab could not plan it: ${plainText(sql.error)}`];
  const shown = sql.verdicts.filter((v) => v.rule !== "index-only");
  return [
    block,
    "",
    `SQL lab: the query **${STATUS_WORDS[sql.status]}** (${plainText(sql.statement)}; EXPLAIN only, generic plan, sequential scans disabled).`,
    "",
    ...shown.map(verdictLine),
  ];
}

/** Each step's mark as the workbench's stepper shows it; Verify's is the checklist below. */
function marksLine(review: Review): string {
  return STEPS.filter((s) => s.id !== "verify")
    .map((s) => `${s.title} ${MARK_LABELS[review.marks[s.id]]}`)
    .join(" · ");
}

function routingSection(review: Review): string[] {
  const tables = review.tables.map(
    (t) => `- ${inlineCode(t.name)}: ${t.category ?? "**not personhog data**"}`,
  );
  // Where the design and its SQL disagree, and the other eligibility rules.
  const problems = review.problems
    .filter((p) => stepOfProblem(p) === "eligibility")
    .map((p) => `- **${p.severity}**: ${textWithCode(p.message)}`);
  const route = review.route
    ? `Routed to the **${review.route.backend}** (${review.route.pool}). ${plainText(review.route.reason)}`
    : UNDECIDED_ROUTE;
  return [
    ...(tables.length ? tables : ["- (no tables chosen)"]),
    ...(problems.length ? ["", ...problems] : []),
    "",
    route,
  ];
}

function filesSection(review: Review): string[] {
  if (review.noCode !== null) return [`No code yet: ${plainText(review.noCode)}`];
  return review.files.map(
    (f) => `- ${inlineCode(f.file)}: ${f.snippets.map((s) => textWithCode(s.anchor)).join("; ")}`,
  );
}

export function prDescription(review: Review, links: PrLinks): string {
  const facts = review.facts.map((f) => `${f.label}: ${plainText(f.value)}`).join(" · ");
  const lines = [
    `## personhog: add the ${inlineCode(review.title)} RPC`,
    "",
    facts,
    "",
    `Steps: ${marksLine(review)}`,
    "",
    "### SQL",
    "",
    ...sqlSection(review),
    "",
    "### Eligibility and routing",
    "",
    ...routingSection(review),
    "",
    "### Files touched",
    "",
    ...filesSection(review),
    "",
    "### Checklist",
    "",
    ...review.checklist.map((item) => taskLine(item, textWithCode)),
    "",
    `Design: [review it](${linkTarget(links.review)}) · [open it in the workbench](${linkTarget(links.workbench)})`,
    "",
  ];
  return lines.join("\n");
}
