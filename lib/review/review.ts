/**
 * What a reviewer sees of a design, computed once for the review page and the PR description:
 * the facts, eligibility and routing, the SQL verdict, the files touched and the checklist. The
 * SQL verdict is the reviewer's own fresh check, passed in; nothing here trusts a link's claims.
 */
import { personhogTable, type DataCategory } from "../catalogue/tables";
import { derive } from "../design/derive";
import { TARGET_LABELS, type Design, type LeaderSafety } from "../design/model";
import { PERSON_WRITE_SIDES } from "../design/person-write-sides";
import type { Mark } from "../design/mark";
import type { Problem } from "../design/problem";
import { designProblems } from "../design/rules";
import { stepStates, type StepId } from "../design/steps";
import { rpcNameProblems } from "../design/rpc-name";
import { groupByFile } from "../export/snippet-files";
import { generateInput } from "../generate/context";
import { generateSnippets } from "../generate";
import type { Snippet } from "../generate/snippet";
import { checklist, type ChecklistItem } from "../generate/verify";
import type { Route } from "../catalogue/routing";
import type { CheckReport } from "../sql/session";
import { describeStatement, summarizeSql, type SqlSummary } from "../sql/summary";
import type { CheckStatus, SqlStatus, Verdict } from "../sql/verdict";

/** What a review says when the tables decide no route (the page and the PR description). */
export const UNDECIDED_ROUTE =
  "Routing is undecided: the tables are not personhog tables of one category.";

export interface ReviewTable {
  readonly name: string;
  /** null: not personhog data. */
  readonly category: DataCategory | null;
  /** Where the table was named: in the design's table list, in the SQL, or both. */
  readonly source: "design" | "sql" | "both";
}

export type ReviewSql =
  | { readonly state: "empty" }
  | { readonly state: "unchecked"; readonly text: string }
  | { readonly state: "failed"; readonly text: string; readonly error: string }
  | {
      readonly state: "checked";
      readonly text: string;
      readonly status: CheckStatus;
      readonly statement: string;
      readonly verdicts: readonly Verdict[];
    };

export interface ReviewFile {
  readonly file: string;
  readonly snippets: readonly Snippet[];
}

export interface Review {
  readonly title: string;
  /** Why no code could be generated; null when there are files. */
  readonly noCode: string | null;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly tables: readonly ReviewTable[];
  readonly eligible: boolean;
  readonly category: DataCategory | null;
  readonly route: Route | null;
  readonly sql: ReviewSql;
  readonly sqlStatus: SqlStatus;
  /** Each step's mark, as the workbench's stepper shows it. */
  readonly marks: Readonly<Record<StepId, Mark>>;
  readonly files: readonly ReviewFile[];
  /** The proto snippets, which reviewers read first. */
  readonly proto: readonly Snippet[];
  /** Commands and other pseudo-files ("(terminal)"), kept apart from repository files. */
  readonly extras: readonly Snippet[];
  readonly checklist: readonly ChecklistItem[];
  /** Including where the design and its SQL disagree (known once the SQL is checked). */
  readonly problems: readonly Problem[];
}

/** The author's answer to the leader's at-least-once rule, in words. */
function redelivery(safety: LeaderSafety): string {
  switch (safety.kind) {
    case "unanswered":
      return "not answered yet";
    case "convergent":
      return `converges when applied twice (${safety.shape})`;
    case "idempotency-key":
      return `idempotency key field ${safety.field || "(unnamed)"}`;
    case "neither":
      return "neither convergent nor keyed: not safe on the leader";
  }
}

function reviewTables(design: Design, check: CheckReport | null): ReviewTable[] {
  const fromSql = new Set(check?.ok ? check.tables.map((t) => t.name) : []);
  const names = [...new Set([...design.tables, ...fromSql])].sort();
  return names.map((name) => {
    const inDesign = design.tables.includes(name);
    const inSql = fromSql.has(name);
    return {
      name,
      category: personhogTable(name)?.category ?? null,
      source: inDesign && inSql ? "both" : inDesign ? "design" : "sql",
    };
  });
}

function reviewSql(design: Design, check: CheckReport | null, summary: SqlSummary): ReviewSql {
  const text = design.sql.trim();
  if (!text) return { state: "empty" };
  if (!check) return { state: "unchecked", text: design.sql };
  if (!check.ok) return { state: "failed", text: design.sql, error: check.error.message };
  return {
    state: "checked",
    text: design.sql,
    status: check.status,
    statement: summary.facts ? describeStatement(summary.facts) : "",
    verdicts: check.verdicts,
  };
}

/** `check` must be a check of `design.sql` as it stands; pass null while none has run. */
export function buildReview(design: Design, check: CheckReport | null): Review {
  const d = derive(design);
  const summary = summarizeSql(design.sql, check);
  const sql = reviewSql(design, check, summary);
  const tables = reviewTables(design, check);
  const snippets = generateSnippets(design, summary);
  const problems = designProblems(design, summary.facts);
  const { files, pseudo: extras } = groupByFile(snippets);
  return {
    title: design.rpcName || "(unnamed RPC)",
    noCode:
      files.length > 0
        ? null
        : rpcNameProblems(design.rpcName).join(" ") || "the design is incomplete.",
    facts: [
      { label: "Domain", value: design.domain },
      { label: "Operation", value: design.operation },
      {
        label: "Consistency",
        value: design.operation === "read" ? design.consistency : "n/a (write)",
      },
      { label: "Batch", value: design.batch },
      { label: "Code layout", value: TARGET_LABELS[design.target] },
      ...(d.choosesPersonWriteSide
        ? [
            {
              label: "Person write served by",
              value: PERSON_WRITE_SIDES[design.personWriteBackend].label,
            },
          ]
        : []),
      ...(d.leaderWrite
        ? [{ label: "Redelivery to the leader", value: redelivery(design.leaderSafety) }]
        : []),
    ],
    tables,
    eligible: tables.length > 0 && tables.every((t) => t.category !== null),
    category: d.category,
    route: d.route,
    sql,
    sqlStatus: summary.status,
    marks: stepStates(problems, summary, snippets.length > 0),
    files,
    proto: snippets.filter((s) => s.step === "proto"),
    extras,
    checklist: checklist(generateInput(design, summary)),
    problems,
  };
}
