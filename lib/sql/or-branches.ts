/**
 * An OR across columns (`id = $2 OR uuid = $3`) is no lookup for any one index, but PostgreSQL
 * can look each branch up through its own index and combine the row sets (a BitmapOr), with the
 * conditions AND-ed beside the OR (the team) applied to every branch. The relation is then served
 * as well as its weakest branch.
 */
import type { Atom } from "./conditions";
import {
  chooseIndex,
  predicatesFor,
  score,
  withEqualities,
  type IndexChoice,
  type Predicates,
} from "./index-match";
import type { RelationUse } from "./relations";
import { onlyBroadKeys } from "./selectivity";
import type { IndexSpec, TableSpec } from "./schema/types";

export interface Branch {
  readonly predicates: Predicates;
  readonly choice: IndexChoice;
}

/** The relation's own OR: the first whose columns are all this relation's. */
function ownOr(use: RelationUse): Atom | undefined {
  return use.atoms.find(
    (a) => a.arms && a.refs.length > 0 && a.refs.every((r) => r.alias === use.alias),
  );
}

/** The columns of the first branch of the relation's OR that no index can look up, if any. */
export function unservedBranch(
  use: RelationUse,
  table: TableSpec,
  bound: (alias: string | null) => boolean,
): string[] | null {
  const or = ownOr(use);
  const beside = use.atoms.filter((a) => a !== or);
  for (const arm of or?.arms ?? []) {
    const predicates = predicatesFor([...beside, ...arm], use.alias, table, bound);
    if (!chooseIndex(table, predicates)) {
      const own = predicatesFor(arm, use.alias, table, bound);
      return [...new Set([...own.equal.keys(), ...own.range, ...own.other])];
    }
  }
  return null;
}

/** Each branch of the relation's OR with the index that serves it, or null if one has none. */
export function orBranches(
  use: RelationUse,
  table: TableSpec,
  extra: readonly IndexSpec[],
  bound: (alias: string | null) => boolean,
  /** Keys a predicate fix would fix to one value beside the OR. */
  fixed: readonly string[] = [],
): Branch[] | null {
  const or = ownOr(use);
  if (!or?.arms) return null;
  const beside = use.atoms.filter((a) => a !== or);
  const branches: Branch[] = [];
  for (const arm of or.arms) {
    const predicates = withEqualities(
      predicatesFor([...beside, ...arm], use.alias, table, bound),
      fixed,
    );
    const choice = chooseIndex(table, predicates, extra);
    if (!choice) return null;
    branches.push({ predicates, choice });
  }
  return branches;
}

/**
 * How the relation is served: branch by branch when that beats the rest alone for some branch
 * (the weakest branch then decides, and names what it filters), else by `choice`.
 */
export function servedBy(
  predicates: Predicates,
  choice: IndexChoice | null,
  branches: readonly Branch[] | null,
): { predicates: Predicates; choice: IndexChoice | null; branches?: readonly Branch[] } {
  if (!branches || !branches.some((b) => score(b.choice) > score(choice))) {
    return { predicates, choice };
  }
  // Of equal matches, one on a broad key alone (a whole cohort) reads more.
  const broad = (b: Branch) => onlyBroadKeys(b.choice, b.predicates);
  const weaker = (a: Branch, b: Branch) =>
    score(b.choice) < score(a.choice) ||
    (score(b.choice) === score(a.choice) && broad(b) && !broad(a));
  const weakest = branches.reduce((a, b) => (weaker(a, b) ? b : a));
  return { ...weakest, branches };
}
