/**
 * Plan → analysis. Pure: reads EXPLAIN JSON (made with sequential scans, hash and merge joins
 * disabled, so the plan shows which lookups are possible) and the schema's index definitions, and
 * never touches a database. Verdicts say what production would do, not what the empty sandbox did;
 * the statement's text is only read to write the fixes that rewrite it.
 */
import { indexPlan, type ExplainOutput } from "./plan";
import { nextPlaceholder } from "./rewrite";
import { collectRelations } from "./relations";
import { eligibilityVerdicts, tablesTouched, type TableTouched } from "./rules/eligibility";
import { nothingCheckedVerdict } from "./rules/nothing-checked";
import { oneMessagePerFinding } from "./rules/one-finding";
import { pruningVerdict } from "./rules/pruning";
import { namedTeam, type FixContext } from "./fixes";
import { resolveJoinOrder, starvedRelations } from "./join-order";
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

/** `sql` is the statement as explained (trimmed): fixes that add a predicate rewrite it. */
export function analyzePlan(explain: ExplainOutput, ctx: AnalysisContext, sql: string): Analysis {
  const nodes = indexPlan(explain.Plan);
  const uses = collectRelations(nodes, ctx.indexParents);
  const statement = statementKind(nodes);
  const tables = tablesTouched([
    ...uses.map((u) => u.table),
    ...(statement.target ? [statement.target] : []),
  ]);
  const extra = (table: string) => ctx.extraIndexes?.[table] ?? [];
  if (tables.length === 0) {
    return { verdicts: [nothingCheckedVerdict(nodes)], statement, tables, relations: [] };
  }

  const eligible = uses.flatMap((use) => {
    const table = findTable(use.table);
    const category = tables.find((t) => t.name === use.table)?.category;
    return table && category ? [{ use, table, extra: extra(use.table) }] : [];
  });
  const aliases = new Set(uses.map((u) => u.alias));
  const relations = resolveJoinOrder(eligible, aliases);
  const starved = starvedRelations(relations, aliases);
  const fixes: FixContext = {
    sql,
    placeholder: nextPlaceholder(sql),
    team: namedTeam(relations) ?? nextPlaceholder(sql),
    teamless: relations
      .filter((f) => f.table.columns.some((c) => c.name === "team_id"))
      .filter((f) => !f.predicates.equal.has("team_id"))
      .map((f) => ({ table: f.table.name, alias: f.use.alias })),
  };
  const verdicts: Verdict[] = [...eligibilityVerdicts(tables)];
  for (const [i, facts] of relations.entries()) {
    const seq = seqScanVerdict(facts, fixes);
    if (seq) {
      verdicts.push(seq);
      continue;
    }
    const pruning = pruningVerdict(facts, fixes);
    if (pruning) verdicts.push(pruning);
    // Only the relation that drives the join reads a whole key for the ones it reaches.
    const broad = broadPrefixVerdict(facts, fixes, i === 0 ? starved : []);
    if (broad) verdicts.push(broad);
    verdicts.push(...lookupVerdicts(facts));
  }
  verdicts.push(...sortVerdicts(nodes, relations, extra, fixes));
  return {
    verdicts: oneMessagePerFinding(verdicts).sort(bySeverity),
    statement,
    tables,
    relations,
  };
}
