/** What the analysis says about a query: one verdict per finding, most severe first. */
import type { RuleId } from "./rules";
import type { IndexSpec } from "./schema/types";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The overall result of a check, in the words the CLI's JSON and the UI use: `pass` (nothing worse
 * than info), `warning` (passes only with a reviewer's OK), `error`, and `nothing-checked` (the
 * statement reads no table, so there was nothing to judge: never a pass).
 */
export const CHECK_STATUSES = ["pass", "warning", "error", "nothing-checked"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** The status of the design's SQL as the rest of the workbench sees it: `unchecked` until the lab answers. */
export type SqlStatus = CheckStatus | "unchecked";

/** A list of values an equality takes (`= ANY($2)`, `IN (1, 2, 3)`). */
export interface ValueList {
  /** The placeholder holding the whole list (`$2`): a repeated field of the request. */
  readonly param: string | null;
  /** How many values a list written out in the SQL holds; null for a parameter. */
  readonly count: number | null;
}

/** How many rows one lookup returns, as far as the index decides it. */
export type RowCount =
  /** One value against every column of a unique key. */
  | { readonly kind: "one" }
  /** A list against a unique key: one row per value, so the request's cap on the list bounds it. */
  | { readonly kind: "per-value"; readonly column: string; readonly list: ValueList }
  /** A join key against a unique key: at most one row per row of the relation it is joined to. */
  | { readonly kind: "per-probe"; readonly column: string; readonly joinedTo: string | null }
  /** Any number: a non-unique index, or a unique one matched only in part. */
  | { readonly kind: "range"; readonly list?: ValueList };

export const FIX_KINDS = [
  "join-key",
  "drop-cast",
  "unwrap-column",
  "add-predicate",
  "new-index",
  "expression-index",
] as const;
export type FixKind = (typeof FIX_KINDS)[number];

/**
 * A fix a reviewer would give, most preferred first on a verdict: a join key paired with the
 * column that means the same thing, a cast, arithmetic or a COALESCE taken off an indexed column,
 * predicates that let an existing index serve the query, then a new index, then an
 * expression index for a JSON key.
 */
export interface Fix {
  readonly kind: FixKind;
  /** One sentence saying what to do and what it buys. */
  readonly sentence: string;
  readonly table: string;
  /** The relation in the query (its alias, or the table name) the fix is about. */
  readonly alias: string;
  /**
   * What "try it" checks: the statement rewritten by this fix (predicate fixes, and index fixes that
   * build on one) or as written. Null when the rewrite could not be placed in the text.
   */
  readonly sql: string | null;
  /** Predicates the fix adds, as written into `sql`. */
  readonly added?: readonly AddedPredicate[];
  /** The existing index that serves the rewritten statement (predicate and cast fixes). */
  readonly uses?: string;
  /** The index to create inside the check's transaction, rolled back (index fixes). */
  readonly index?: IndexSpec;
  readonly ddl?: string;
}

/** Two verdicts can offer the same fix (one team for every relation): it is one trial. */
export function fixKey(fix: Fix): string {
  return JSON.stringify([fix.kind, fix.sql, fix.ddl ?? null]);
}

/** Each fix once, first place kept. */
export function distinctFixes(fixes: readonly Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((fix) => !seen.has(fixKey(fix)) && Boolean(seen.add(fixKey(fix))));
}

export interface AddedPredicate {
  readonly column: string;
  /** The text added, e.g. `d.team_id = $3`. */
  readonly text: string;
}

/** What a rule's check reports; the analysis makes it a verdict with the rule's id and severity. */
export interface Finding {
  /** The table as the user names it (partitions folded into their parent). */
  readonly table: string | null;
  /** The relations (aliases) the verdict covers; empty for statement-level verdicts. */
  readonly aliases: readonly string[];
  /** The index the verdict is about: the one production would use, or null when none can serve. */
  readonly index: string | null;
  /** Index columns (or expressions) the predicates constrain. */
  readonly matched: readonly string[];
  /** Predicates read and filtered rather than looked up, named as written (`properties->>'email'`). */
  readonly filtered: readonly string[];
  readonly message: string;
  /** What to do about it (the first fix's sentence when there is one); empty when nothing needs doing. */
  readonly advice: string;
  /** Fixes, most preferred first; empty when there is nothing to fix or nothing that can be tried. */
  readonly fixes: readonly Fix[];
  /** Plan node ids (pre-order) the verdict points at, for highlighting. */
  readonly nodeIds: readonly number[];
  /** For an index lookup: how many rows it returns. */
  readonly rows?: RowCount;
  /** For a flagged relation: the key of the first index fix, if one can serve it. */
  readonly proposedIndex?: readonly string[];
}

export interface Verdict extends Finding {
  readonly severity: Severity;
  readonly rule: RuleId;
}

export function bySeverity(a: Verdict, b: Verdict): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/** `nothing-checked` when no table was read, else the worst severity, or `pass` for info alone. */
export function overallStatus(verdicts: readonly Verdict[]): CheckStatus {
  if (verdicts.some((v) => v.rule === "nothing-checked")) return "nothing-checked";
  if (verdicts.some((v) => v.severity === "error")) return "error";
  if (verdicts.some((v) => v.severity === "warning")) return "warning";
  return "pass";
}

/** Statuses that fail a design (and exit 1 in the CLI): an error, or nothing checked at all. */
export function failsDesign(status: CheckStatus): boolean {
  return status === "error" || status === "nothing-checked";
}
