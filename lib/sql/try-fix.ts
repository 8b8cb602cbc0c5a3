/**
 * "Try it": checks a fix the way the lab checks a statement. A predicate fix checks the rewritten
 * statement; an index fix creates its index inside the check's transaction, which is rolled back,
 * and judges the plan with that index known. Index DDL is built from schema column names and JSON
 * keys the lab quotes itself (fixes.ts), never from the user's text as written.
 */
import type { AnalysisContext } from "./analyze";
import { createIndexSql, proposedIndex } from "./proposed-index";
import { isExpressionKey, jsonKey, parseJsonChain } from "./expressions";
import { plannableStatement } from "./plannable";
import { findTable } from "./schema";
import type { IndexSpec, TableSpec } from "./schema/types";
import { checkSql, explainAndAnalyze, type CheckResult, type SqlDatabase } from "./session";
import { fixKey, type Fix } from "./verdict";

export { fixKey } from "./verdict";

export interface FixTrial {
  readonly fix: Fix;
  readonly after: CheckResult;
}

export type AdviceResult =
  | {
      readonly ok: true;
      /** The first index fix, tried: what the index advice shows. */
      readonly table: string;
      readonly ddl: string;
      readonly before: CheckResult;
      readonly after: CheckResult;
      /** Every fix of the flagged verdicts, in order, each tried. */
      readonly trials: readonly FixTrial[];
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly before: CheckResult;
      readonly trials: readonly FixTrial[];
    };

/**
 * A fix may come back from a page, so its index is rebuilt here from the schema: every key must
 * be a column of the table or a JSON key chain on a jsonb column, and the DDL is ours.
 */
function rebuiltIndex(fix: Fix): { table: TableSpec; index: IndexSpec; ddl: string } | null {
  const table = findTable(fix.table);
  const columns = fix.index?.columns ?? [];
  const safe = (key: string) => {
    if (!isExpressionKey(key)) return table?.columns.some((c) => c.name === key) ?? false;
    const chain = parseJsonChain(key);
    const column = table?.columns.find((c) => c.name === chain?.path.column);
    return Boolean(
      chain && !chain.alias && column?.type === "jsonb" && jsonKey(chain.path) === key,
    );
  };
  if (!table || columns.length === 0 || !columns.every(safe)) return null;
  const index = proposedIndex(table, columns);
  return { table, index, ddl: createIndexSql(table, index) };
}

export async function tryFix(
  db: SqlDatabase,
  ctx: AnalysisContext,
  fix: Fix,
): Promise<CheckResult> {
  if (fix.sql === null) {
    return { ok: false, error: { message: "The fix could not be placed in this SQL." }, ms: 0 };
  }
  if (!fix.index) return checkSql(db, ctx, fix.sql);
  const built = rebuiltIndex(fix);
  if (!built) {
    return {
      ok: false,
      error: { message: "The proposed index is not one the lab builds." },
      ms: 0,
    };
  }
  // The rewritten SQL may come back from a page: it passes the same gate as any statement.
  const accepted = plannableStatement(fix.sql);
  if (!accepted.ok) return { ok: false, error: accepted.refusal, ms: 0 };
  const started = performance.now();
  try {
    const extraCtx: AnalysisContext = {
      ...ctx,
      extraIndexes: { [built.table.name]: [built.index] },
    };
    return await explainAndAnalyze(db, extraCtx, accepted.statement, started, [built.ddl]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `The index could not be tried: ${message}` }, ms: 0 };
  }
}

/** The fixes of every flagged verdict, each once, in the verdicts' order. */
export function fixesOf(result: CheckResult): Fix[] {
  if (!result.ok) return [];
  const seen = new Set<string>();
  return result.verdicts
    .flatMap((v) => v.fixes)
    .filter((fix) => {
      const key = fixKey(fix);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export async function adviseIndex(
  db: SqlDatabase,
  ctx: AnalysisContext,
  sql: string,
): Promise<AdviceResult> {
  const before = await checkSql(db, ctx, sql);
  if (!before.ok) return { ok: false, reason: "Fix the SQL error first.", before, trials: [] };
  const trials: FixTrial[] = [];
  for (const fix of fixesOf(before)) trials.push({ fix, after: await tryFix(db, ctx, fix) });
  const indexTrial = trials.find((t) => t.fix.index && t.fix.ddl);
  if (indexTrial?.fix.ddl) {
    const { table, ddl } = indexTrial.fix;
    return { ok: true, table, ddl, before, after: indexTrial.after, trials };
  }
  // A fix that rewrites the statement rather than adding an index.
  const predicate = trials.find((t) => !t.fix.index);
  const reason = predicate
    ? `No new index is needed: ${predicate.fix.sentence}`
    : "Nothing flagged here that a new index would fix.";
  return { ok: false, reason, before, trials };
}
