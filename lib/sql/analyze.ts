/**
 * Plan → analysis. Pure: reads EXPLAIN JSON (made with sequential scans, hash and merge joins
 * disabled, so the plan shows which lookups are possible) and the schema's index definitions, and
 * never touches a database. Verdicts say what production would do, not what the empty sandbox did.
 */
import { indexPlan, type ExplainOutput } from "./plan";
import { collectRelations } from "./relations";
import { eligibilityVerdicts, tablesTouched, type TableTouched } from "./rules/eligibility";
import { pruningVerdict } from "./rules/pruning";
import { resolveJoinOrder } from "./join-order";
import {
  broadPrefixVerdict,
  lookupVerdicts,
  seqScanVerdict,
  type RelationFacts,
} from "./rules/scan-rules";
import { sortVerdicts } from "./rules/sort";
import { findTable } from "./schema";
import type { IndexSpec } from "./schema/types";
import { statementKind, type StatementKind } from "./statement";
import { bySeverity, type Verdict } from "./verdict";

export interface AnalysisContext {
  /** Partition index name → the index it was created from. */
  readonly indexParents: Readonly<Record<string, string>>;
  /** Hypothetical indexes (index advice), by table. */
  readonly extraIndexes?: Readonly<Record<string, readonly IndexSpec[]>>;
}

export interface Analysis {
  readonly verdicts: Verdict[];
  readonly statement: StatementKind;
  readonly tables: TableTouched[];
  /** Per relation, what the index reasoning found: used by index advice. */
  readonly relations: RelationFacts[];
}

export function analyzePlan(explain: ExplainOutput, ctx: AnalysisContext): Analysis {
  const nodes = indexPlan(explain.Plan);
  const uses = collectRelations(nodes, ctx.indexParents);
  const statement = statementKind(nodes);
  const tables = tablesTouched([
    ...uses.map((u) => u.table),
    ...(statement.target ? [statement.target] : []),
  ]);
  const extra = (table: string) => ctx.extraIndexes?.[table] ?? [];

  const eligible = uses.flatMap((use) => {
    const table = findTable(use.table);
    const category = tables.find((t) => t.name === use.table)?.category;
    return table && category ? [{ use, table, extra: extra(use.table) }] : [];
  });
  const relations = resolveJoinOrder(eligible, new Set(uses.map((u) => u.alias)));
  const verdicts: Verdict[] = [...eligibilityVerdicts(tables)];
  for (const facts of relations) {
    const seq = seqScanVerdict(facts);
    if (seq) {
      verdicts.push(seq);
      continue;
    }
    const pruning = pruningVerdict(facts);
    if (pruning) verdicts.push(pruning);
    const broad = broadPrefixVerdict(facts);
    if (broad) verdicts.push(broad);
    verdicts.push(...lookupVerdicts(facts));
  }
  verdicts.push(...sortVerdicts(nodes, relations, extra));
  return { verdicts: verdicts.sort(bySeverity), statement, tables, relations };
}
