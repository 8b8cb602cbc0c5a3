/**
 * Decides which relation drives a join, the way a planner with real data would: the relation
 * with the best lookup from constants goes first, then each next one may probe with the join keys
 * of those already read. Anything that is not a table use (UNNEST, VALUES, a subquery) counts as
 * read first, like a constant list.
 */
import { score } from "./index-match";
import type { RelationUse } from "./relations";
import { relationFacts, type RelationFacts } from "./rules/scan-rules";
import type { IndexSpec, TableSpec } from "./schema/types";

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
