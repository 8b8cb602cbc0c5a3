/** What the analysis says about a query: one verdict per finding, most severe first. */

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every rule the check applies, with what it means; the CLI and the guide list these. */
export const RULES = {
  "not-eligible": "A table the query touches is not personhog data.",
  "seq-scan":
    "A personhog table is read without an index lookup (sequential scan, or a walk of a whole index).",
  "no-partition-pruning": "posthog_person is probed in every partition: no team_id pins it to one.",
  "broad-index-prefix":
    "The index matches only a broad key (a whole team, project or cohort); selective predicates are filtered row by row.",
  "sort-not-from-index": "ORDER BY … LIMIT sorts the matching rows: no index gives that order.",
  "mixed-categories":
    "The query touches PersonData and NonPersonData tables: routing follows the RPC's purpose.",
  "index-lookup": "A table is read through an index lookup.",
  "runtime-pruning": "posthog_person is pruned per row at run time through a join on team_id.",
  "index-only": "The planner can answer from the index alone (index-only scan).",
} as const;
export type RuleId = keyof typeof RULES;

export interface Verdict {
  readonly severity: Severity;
  readonly rule: RuleId;
  /** The table as the user names it (partitions folded into their parent). */
  readonly table: string | null;
  /** The index the verdict is about: the one production would use, or null when none can serve. */
  readonly index: string | null;
  /** Index columns the predicates constrain. */
  readonly matched: readonly string[];
  /** Predicate columns read and filtered rather than looked up. */
  readonly filtered: readonly string[];
  readonly message: string;
  /** What to do about it; empty when nothing needs doing. */
  readonly advice: string;
  /** Plan node ids (pre-order) the verdict points at, for highlighting. */
  readonly nodeIds: readonly number[];
  /** For a flagged relation: the columns of an index that would serve it, if one can. */
  readonly proposedIndex?: readonly string[];
}

export function bySeverity(a: Verdict, b: Verdict): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/** The worst severity present, or "ok" when there is nothing worse than info. */
export function overallStatus(verdicts: readonly Verdict[]): "error" | "warning" | "ok" {
  if (verdicts.some((v) => v.severity === "error")) return "error";
  if (verdicts.some((v) => v.severity === "warning")) return "warning";
  return "ok";
}
