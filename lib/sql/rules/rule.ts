/**
 * The shape of an SQL rule. A rule is data: its id, severity, summary and scope are read by the
 * analysis, the CLI's `rules` and the guide alike, and its check has one signature whatever its
 * scope: the subject the scope names, and what the analysis knows about the whole statement.
 * A check returns findings (empty when it finds nothing); the analysis stamps each with the rule's
 * id and severity, so a rule cannot report under another's name or at another severity.
 */
import type { FixContext } from "../fixes";
import type { Starved } from "../join-order";
import type { IndexedNode } from "../plan";
import type { RelationFacts } from "../relations";
import type { TableTouched } from "../tables-touched";
import type { Finding, Severity } from "../verdict";

/** What a check looks at, per scope; the analysis runs the scopes in this order. */
export interface Subjects {
  /** Once per check: the tables the statement touches. */
  readonly statement: readonly TableTouched[];
  /** Once per personhog table reference, in join order. */
  readonly relation: RelationFacts;
  /** Once per plan node, in pre-order. */
  readonly "plan-node": IndexedNode;
}
export type Scope = keyof Subjects;

/** What the analysis knows about the statement, shared by every check. */
export interface RuleContext {
  /** The plan's nodes in pre-order. */
  readonly nodes: readonly IndexedNode[];
  /** The personhog relations the plan reads, in join order: the first drives the join. */
  readonly relations: readonly RelationFacts[];
  /** Relations the driving one reaches before their own selective predicates can be looked up. */
  readonly starved: readonly Starved[];
  /** What a fix needs to rewrite the statement. */
  readonly fixes: FixContext;
}

export interface Rule<S extends Scope = Scope, Id extends string = string> {
  /** Kebab-case; the verdicts, the corpus and the CLI's JSON name the rule by it. */
  readonly id: Id;
  readonly severity: Severity;
  readonly scope: S;
  /** One sentence saying what a finding means: the CLI's `rules` and the guide print it. */
  readonly summary: string;
  /**
   * A finding of this rule is the last word on its subject: no later rule looks at it (a statement
   * that reads no table has nothing else to judge; a relation read row by row has no lookup).
   */
  readonly final?: boolean;
  readonly check: (subject: Subjects[S], ctx: RuleContext) => readonly Finding[];
}

/** Types a rule module's object, keeping its id as a literal so `RuleId` lists every id. */
export function defineRule<const Id extends string, S extends Scope>(
  rule: Rule<S, Id>,
): Rule<S, Id> {
  return rule;
}
