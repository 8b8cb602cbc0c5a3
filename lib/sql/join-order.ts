/**
 * Decides which relation drives a join, the way a planner with real data would: the relation
 * with the best lookup from constants goes first, then each next one may probe with the join keys
 * of those already read. Anything that is not a table use (UNNEST, VALUES, a subquery) counts as
 * read first, like a constant list.
 */
import { chooseIndex, predicatesFor, score, type Predicates } from "./index-match";
import { relationFacts, type RelationFacts, type RelationUse } from "./relations";
import type { IndexSpec, TableSpec } from "./schema/types";
import { selectiveColumns } from "./selectivity";

export interface Resolvable {
  readonly use: RelationUse;
  readonly table: TableSpec;
  readonly extra: readonly IndexSpec[];
}

export function resolveJoinOrder(
  items: readonly Resolvable[],
  allAliases: ReadonlySet<string>,
): RelationFacts[] {
  const read = new Set<string>();
  const bound = (alias: string | null) =>
    alias === null || !allAliases.has(alias) || read.has(alias);
  const pending = [...items];
  const done: RelationFacts[] = [];
  while (pending.length > 0) {
    const candidates = pending.map((item) =>
      relationFacts(item.use, item.table, item.extra, bound),
    );
    let best = 0;
    candidates.forEach((facts, i) => {
      if (score(facts.choice) > score(candidates[best]?.choice ?? null)) best = i;
    });
    const chosen = candidates[best];
    if (!chosen) break;
    done.push(chosen);
    read.add(chosen.use.alias);
    pending.splice(best, 1);
  }
  return done;
}

/**
 * A relation reached only through a join although it has a selective predicate of its own
 * (`distinct_id = $2`) that no index can look up first: the query reads every row the join comes
 * from to check it.
 */
export interface Starved {
  readonly facts: RelationFacts;
  /** Its predicates from constants and parameters alone, without join keys. */
  readonly constant: Predicates;
  /** The selective keys no index can look up. */
  readonly keys: readonly string[];
}

export function starvedRelations(
  relations: readonly RelationFacts[],
  allAliases: ReadonlySet<string>,
): Starved[] {
  const constantOnly = (alias: string | null) => alias === null || !allAliases.has(alias);
  return relations.slice(1).flatMap((facts) => {
    const constant = predicatesFor(facts.use.atoms, facts.use.alias, facts.table, constantOnly);
    const selective = selectiveColumns(facts.table, [...constant.equal.keys()]).filter(
      (key) => !constant.joins.has(key),
    );
    const own = chooseIndex(facts.table, constant, facts.extra);
    const keys = selective.filter((key) => !own?.matched.includes(key));
    return keys.length > 0 ? [{ facts, constant, keys }] : [];
  });
}
