/**
 * How check-sql shows a result: text for people, JSON for machines (the same fields in a batch).
 * Types only from try-fix and session: their code reaches PGlite, which only the lab's thread loads.
 */
import type { AdviceResult } from "../lib/sql/try-fix";
import type { CheckReport, CheckResult } from "../lib/sql/session";
import { distinctFixes, fixKey, type CheckStatus, type Fix } from "../lib/sql/verdict";

export type Checked = Extract<CheckReport, { ok: true }>;

function fixJson(fix: Fix) {
  const { index, ...rest } = fix;
  return index ? { ...rest, index: { name: index.name, columns: index.columns } } : rest;
}

/**
 * The fixes in a field of their own, each once; each verdict lists the positions of its fixes in
 * that list, most preferred first.
 */
export function toJson(result: Checked) {
  const { status, statement, tables } = result;
  const fixes = distinctFixes(result.verdicts.flatMap((v) => v.fixes));
  const keys = fixes.map(fixKey);
  const verdicts = result.verdicts.map((v) => ({
    ...v,
    fixes: v.fixes.map((f) => keys.indexOf(fixKey(f))),
  }));
  return { status, statement, tables, verdicts, fixes: fixes.map(fixJson) };
}

function trialStatus(after: CheckResult): CheckStatus | "sql-error" {
  return after.ok ? after.status : "sql-error";
}

export function adviceJson(advice: AdviceResult) {
  const trials = advice.trials.map((t) => ({
    kind: t.fix.kind,
    sql: t.fix.sql,
    ...(t.fix.ddl ? { ddl: t.fix.ddl } : {}),
    status: trialStatus(t.after),
    ...(t.after.ok ? {} : { error: t.after.error.message }),
  }));
  if (!advice.ok) return { ok: false, reason: advice.reason, trials };
  const after = advice.after.ok ? toJson(advice.after) : { error: advice.after.error };
  return { ok: true, table: advice.table, ddl: advice.ddl, after, trials };
}

const STATUS_LINE: Record<CheckStatus, string> = {
  pass: "PASS",
  warning: "WARNING: passes only with a reviewer's OK",
  error: "FAIL",
  "nothing-checked": "NOTHING CHECKED: fails, the statement reads no table",
};

function fixLines(fixes: readonly Fix[]): string[] {
  return fixes.flatMap((fix, i) => [
    `  fix ${i + 1} (${fix.kind}): ${fix.sentence}`,
    ...(fix.ddl ? [`     index: ${fix.ddl}`] : []),
    ...(fix.sql ? [`     try: ${fix.sql}`] : []),
  ]);
}

export function formatText(result: Checked): string {
  const { kind, operation, locking } = result.statement;
  const tables = result.tables.map((t) => `${t.name} [${t.category ?? "not personhog"}]`);
  const lines = result.verdicts.flatMap((v) => [
    `${v.severity.toUpperCase()} [${v.rule}] ${v.message}`,
    ...(v.fixes.length ? fixLines(v.fixes) : v.advice ? [`  → ${v.advice}`] : []),
  ]);
  return [
    `Statement: ${kind} (${operation}${locking ? ", locking" : ""})`,
    `Tables: ${tables.length ? tables.join(", ") : "none"}`,
    ...lines,
    STATUS_LINE[result.status],
    "",
  ].join("\n");
}

export function formatAdvice(advice: AdviceResult): string {
  const tried = advice.trials.map(
    (t, i) =>
      `  ${i + 1}. ${t.fix.kind}: the check then says ${trialStatus(t.after).toUpperCase()}`,
  );
  const header = advice.ok
    ? [
        `Index advice: ${advice.ddl}`,
        "  A new index means a migration in rust/persons_migrations and a conversation with the team.",
      ]
    : [`Index advice: ${advice.reason}`];
  const trials = tried.length
    ? ["Fixes tried (indexes in a rolled-back transaction):", ...tried]
    : [];
  return [...header, ...trials, ""].join("\n");
}
