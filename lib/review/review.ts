/**
 * What a reviewer sees of a design, computed once for the review page and the PR description:
 * the facts, eligibility and routing, the SQL verdict, the files touched and the checklist. The
 * SQL verdict is the reviewer's own fresh check, passed in; nothing here trusts a link's claims.
 */
import { personhogTable, type DataCategory } from "../catalogue/tables";
import { derive } from "../design/derive";
import { TARGET_LABELS, type Design, type LeaderSafety } from "../design/model";
import type { Problem } from "../design/problem";
import { designProblems } from "../design/rules";
import { rpcNameProblems } from "../design/rpc-name";
import { groupByFile } from "../export/snippet-files";
import { generateInput } from "../generate/context";
import { generateSnippets } from "../generate";
import type { Snippet } from "../generate/snippet";
import { checklist, type ChecklistItem } from "../generate/verify";
import type { Route } from "../catalogue/routing";
import type { CheckResult } from "../sql/session";
import { sqlStatusOf } from "../sql/summary";
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
  readonly files: readonly ReviewFile[];
  /** The proto snippets, which reviewers read first. */
  readonly proto: readonly Snippet[];
  /** Commands and other pseudo-files ("(terminal)"), kept apart from repository files. */
  readonly extras: readonly Snippet[];
  readonly checklist: readonly ChecklistItem[];
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

function reviewTables(design: Design, check: CheckResult | null): ReviewTable[] {
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

function reviewSql(design: Design, check: CheckResult | null): ReviewSql {
  const text = design.sql.trim();
  if (!text) return { state: "empty" };
  if (!check) return { state: "unchecked", text: design.sql };
  if (!check.ok) return { state: "failed", text: design.sql, error: check.error.message };
  const s = check.statement;
  const statement = `${s.operation}${s.locking ? " (locking)" : ""}: a ${s.kind}`;
  return {
    state: "checked",
    text: design.sql,
    status: check.status,
    statement,
    verdicts: check.verdicts,
  };
}

/** `check` must be a check of `design.sql` as it stands; pass null while none has run. */
export function buildReview(design: Design, check: CheckResult | null): Review {
  const d = derive(design);
  const sql = reviewSql(design, check);
  const sqlStatus = sqlStatusOf(design.sql.trim() ? check : null);
  const tables = reviewTables(design, check);
  const snippets = generateSnippets(design, sqlStatus);
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
      ...(d.leaderWrite
        ? [{ label: "Redelivery to the leader", value: redelivery(design.leaderSafety) }]
        : []),
    ],
    tables,
    eligible: tables.length > 0 && tables.every((t) => t.category !== null),
    category: d.category,
    route: d.route,
    sql,
    sqlStatus,
    files,
    proto: snippets.filter((s) => s.step === "proto"),
    extras,
    checklist: checklist(generateInput(design, sqlStatus)),
    problems: designProblems(design),
  };
}
