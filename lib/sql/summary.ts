/**
 * What the rest of the workbench needs of a check of the design's SQL: its status, why it is not a
 * pass, and what the statement does (kind, tables, parameter types), all from the one check.
 */
import type { CheckReport } from "./session";
import type { StatementKind } from "./statement";
import type { CheckStatus, SqlStatus } from "./verdict";

/** What the statement does, as the lab planned and described it. */
export interface SqlFacts {
  readonly statement: StatementKind;
  /** Every table the statement touches, partitions folded into their parent. */
  readonly tables: readonly string[];
  /** The type OID of each `$n`, from PostgreSQL's Describe. */
  readonly params: readonly number[];
}

export interface SqlSummary {
  readonly status: SqlStatus;
  /** Why it is not a pass, as the lab says it: each error and warning, or why it did not plan. */
  readonly reasons: readonly string[];
  /** null until the statement has been planned. */
  readonly facts: SqlFacts | null;
}

/** A check's status in a few words, after "the query …". */
export const STATUS_WORDS: Readonly<Record<CheckStatus, string>> = {
  pass: "passes",
  warning: "needs a reviewer's OK",
  error: "fails",
  "nothing-checked": "checks nothing (it reads no table)",
};

export const NO_SQL = "The design has no SQL yet: write the statement the RPC runs.";
export const UNCHECKED_SQL: SqlSummary = { status: "unchecked", reasons: [], facts: null };

/** A check of the SQL as it stands (null while none has run); SQL the lab cannot plan is an error. */
export function sqlStatusOf(check: CheckReport | null): SqlStatus {
  if (!check) return "unchecked";
  return check.ok ? check.status : "error";
}

/**
 * `check` must be a check of `sql` as it stands, or null while none has run. No SQL at all is
 * nothing checked: it can never pass.
 */
export function summarizeSql(sql: string, check: CheckReport | null): SqlSummary {
  if (!sql.trim()) return { status: "nothing-checked", reasons: [NO_SQL], facts: null };
  if (!check) return UNCHECKED_SQL;
  if (!check.ok) {
    return {
      status: "error",
      reasons: [`The SQL lab could not plan it: ${check.error.message}`],
      facts: null,
    };
  }
  return {
    status: check.status,
    reasons: check.verdicts.filter((v) => v.severity !== "info").map((v) => v.message),
    facts: {
      statement: check.statement,
      tables: check.tables.map((t) => t.name),
      params: check.params,
    },
  };
}

/** What the statement does, in words: `a read (SELECT) of posthog_person`. */
export function describeStatement(facts: SqlFacts): string {
  const { kind, operation, locking } = facts.statement;
  const how = `${operation.toUpperCase()}${locking ? ", locking rows" : ""}`;
  const tables = facts.tables.length ? facts.tables.join(", ") : "no table";
  return `a ${kind} (${how}) of ${tables}`;
}

/** What the SQL does as the lab found it (never what the design only claims), or why it is not known. */
export function describeSql(sql: SqlSummary): string {
  if (sql.facts) return describeStatement(sql.facts);
  if (sql.status === "unchecked") return "not checked yet: the SQL lab has still to plan it";
  return sql.reasons.join(" ");
}
