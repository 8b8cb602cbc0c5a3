/**
 * Plan → analysis. Pure: reads EXPLAIN JSON (made with sequential scans, hash and merge joins
 * disabled, so the plan shows which lookups are possible) and the schema's index definitions, and
 * never touches a database. Verdicts say what production would do, not what the empty sandbox did;
 * the statement's text is only read to write the fixes that rewrite it. The rules are the
 * registry's (rules/index.ts), run scope by scope in its order.
 */
import { namedTeam, type FixContext } from "./fixes";
import { resolveJoinOrder, starvedRelations } from "./join-order";
import { indexPlan, type ExplainOutput } from "./plan";
import { collectRelations, type RelationFacts } from "./relations";
import { nextPlaceholder } from "./rewrite";
import { RULES_BY_SCOPE, type RuleId } from "./rules";
import { oneMessagePerFinding } from "./rules/one-finding";
import type { Rule, RuleContext, Scope, Subjects } from "./rules/rule";
import { findTable } from "./schema";
import type { IndexSpec } from "./schema/types";
import { statementKind, type StatementKind } from "./statement";
import { tablesTouched, type TableTouched } from "./tables-touched";
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

/**
 * Each rule of the statement scope, then each relation rule on each relation, then each plan-node
 * rule on each node. A final rule's finding ends the look at its subject (for the statement: the
 * whole analysis).
 */
function applyRules(tables: readonly TableTouched[], ctx: RuleContext): Verdict[] {
  const verdicts: Verdict[] = [];
  const apply = <S extends Scope>(rules: readonly Rule<S, RuleId>[], subject: Subjects[S]) => {
    for (const rule of rules) {
      const found = rule.check(subject, ctx);
      verdicts.push(...found.map((f) => ({ severity: rule.severity, rule: rule.id, ...f })));
      if (rule.final && found.length > 0) return true;
    }
    return false;
  };
  if (apply(RULES_BY_SCOPE.statement, tables)) return verdicts;
  for (const relation of ctx.relations) apply(RULES_BY_SCOPE.relation, relation);
  for (const node of ctx.nodes) apply(RULES_BY_SCOPE["plan-node"], node);
  return verdicts;
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
  const eligible = uses.flatMap((use) => {
    const table = findTable(use.table);
    const category = tables.find((t) => t.name === use.table)?.category;
    return table && category ? [{ use, table, extra: ctx.extraIndexes?.[use.table] ?? [] }] : [];
  });
  const aliases = new Set(uses.map((u) => u.alias));
  const relations = resolveJoinOrder(eligible, aliases);
  const fixes: FixContext = {
    sql,
    placeholder: nextPlaceholder(sql),
    team: namedTeam(relations) ?? nextPlaceholder(sql),
    teamless: relations
      .filter((f) => f.table.columns.some((c) => c.name === "team_id"))
      .filter((f) => !f.predicates.equal.has("team_id"))
      .map((f) => ({ table: f.table.name, alias: f.use.alias })),
  };
  const starved = starvedRelations(relations, aliases);
  const verdicts = applyRules(tables, { nodes, relations, starved, fixes });
  return {
    verdicts: oneMessagePerFinding(verdicts).sort(bySeverity),
    statement,
    tables,
    relations,
  };
}
