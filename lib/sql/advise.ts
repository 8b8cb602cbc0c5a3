/**
 * Index advice: for the first flagged relation, create the proposed index inside a transaction
 * that is rolled back, check again with it, and report before and after. Column names come from
 * the schema objects, never from the user's text.
 */
import { analyzePlan, type AnalysisContext } from "./analyze";
import { createIndexSql, proposedIndex } from "./advice";
import { findTable } from "./schema";
import { plannableStatement } from "./plannable";
import { checkSql, explainStatement, type CheckResult, type SqlDatabase } from "./session";
import { overallStatus } from "./verdict";

export type AdviceResult =
  | {
      readonly ok: true;
      readonly table: string;
      readonly ddl: string;
      readonly before: CheckResult;
      readonly after: CheckResult;
    }
  | { readonly ok: false; readonly reason: string; readonly before: CheckResult };

export async function adviseIndex(
  db: SqlDatabase,
  ctx: AnalysisContext,
  sql: string,
): Promise<AdviceResult> {
  const before = await checkSql(db, ctx, sql);
  const accepted = plannableStatement(sql);
  if (!before.ok || !accepted.ok) return { ok: false, reason: "Fix the SQL error first.", before };
  const flagged = before.verdicts.find((v) => v.proposedIndex && v.table);
  const table = flagged?.table ? findTable(flagged.table) : undefined;
  if (!flagged?.proposedIndex || !table) {
    return { ok: false, reason: "Nothing flagged here that a new index would fix.", before };
  }
  const columns = flagged.proposedIndex.filter((c) => table.columns.some((col) => col.name === c));
  const index = proposedIndex(table, columns);
  const ddl = createIndexSql(table, index);
  const started = performance.now();
  try {
    const plan = await explainStatement(db, accepted.statement, [ddl]);
    const extraCtx: AnalysisContext = { ...ctx, extraIndexes: { [table.name]: [index] } };
    const { verdicts, statement, tables } = analyzePlan(plan, extraCtx);
    const after: CheckResult = {
      ok: true,
      status: overallStatus(verdicts),
      plan,
      verdicts,
      statement,
      tables,
      ms: performance.now() - started,
    };
    return { ok: true, table: table.name, ddl, before, after };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `The proposed index could not be tried: ${message}`, before };
  }
}
