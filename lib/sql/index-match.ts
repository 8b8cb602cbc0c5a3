/**
 * Which index production would use for a relation's predicates, decided from the index
 * definitions rather than from an empty sandbox's plan (with no rows the planner picks indexes
 * almost at random). Equality columns (constants, parameters, ANY arrays, join keys) extend an
 * index prefix; one range column may end it. The leading column must be constrained, or there is
 * no lookup at all, only a walk of the whole index.
 */
import { parseAtom, type Atom } from "./conditions";
import type { IndexSpec, TableSpec } from "./schema/types";

export interface Predicates {
  /** Columns fixed by equality, with the printed value when it is a literal. */
  readonly equal: Map<string, string | null>;
  readonly range: Set<string>;
  readonly notNull: Set<string>;
  /** Columns only mentioned in conditions no index can serve (OR, LIKE, functions). */
  readonly other: Set<string>;
}

export interface IndexChoice {
  readonly index: IndexSpec;
  /** Index columns the predicates constrain, in index order. */
  readonly matched: readonly string[];
  /** True when a unique index is matched on every key column: at most one row. */
  readonly singleRow: boolean;
}

/**
 * The predicates on one relation. A join key (`col = other.col`) counts as an equality only when
 * `bound(other)` says the other side is read first, as a nested-loop probe would be.
 */
export function predicatesFor(
  atoms: readonly Atom[],
  alias: string,
  table: TableSpec,
  bound: (alias: string | null) => boolean = () => true,
): Predicates {
  const columns = new Set(table.columns.map((c) => c.name));
  const own = (atom: Atom) => atom.column?.alias === alias && columns.has(atom.column.column);
  const p: Predicates = {
    equal: new Map(),
    range: new Set(),
    notNull: new Set(),
    other: new Set(),
  };
  for (const atom of atoms) {
    const column = atom.column?.column ?? "";
    if (atom.shape === "eq-column" && !bound(atom.other?.alias ?? null)) continue;
    if (
      own(atom) &&
      (atom.shape === "eq-value" || atom.shape === "eq-any" || atom.shape === "eq-column")
    ) {
      if (!p.equal.has(column) || atom.shape === "eq-value")
        p.equal.set(column, atom.value ?? null);
    } else if (own(atom) && atom.shape === "is-null") p.equal.set(column, "NULL");
    else if (own(atom) && atom.shape === "range") p.range.add(column);
    else if (own(atom) && atom.shape === "not-null") p.notNull.add(column);
    else {
      for (const ref of atom.refs)
        if (ref.alias === alias && columns.has(ref.column)) p.other.add(ref.column);
    }
  }
  return p;
}

/** A partial index serves only queries whose predicates imply its WHERE clause. */
function partialPredicateHolds(index: IndexSpec, p: Predicates): boolean {
  if (!index.where) return true;
  const atom = parseAtom(index.where);
  const column = atom.column?.column;
  if (!column) return false;
  if (atom.shape === "not-null") {
    const value = p.equal.get(column);
    return (
      p.notNull.has(column) || p.range.has(column) || (p.equal.has(column) && value !== "NULL")
    );
  }
  if (atom.shape === "eq-value") return p.equal.get(column) === atom.value;
  return false;
}

export function matchIndex(index: IndexSpec, p: Predicates): IndexChoice | null {
  if (!partialPredicateHolds(index, p)) return null;
  const matched: string[] = [];
  for (const column of index.columns) {
    if (p.equal.has(column)) {
      matched.push(column);
      continue;
    }
    if (p.range.has(column)) matched.push(column);
    break;
  }
  if (matched.length === 0) return null;
  const allEqual = matched.length === index.columns.length && matched.every((c) => p.equal.has(c));
  return { index, matched, singleRow: index.unique && allEqual };
}

export function score(choice: IndexChoice | null): number {
  if (!choice) return -Infinity;
  const unused = choice.index.columns.length - choice.matched.length;
  return choice.matched.length * 10 + (choice.singleRow ? 5 : 0) - unused;
}

/** The best index for these predicates, or null when none can be looked up. */
export function chooseIndex(
  table: TableSpec,
  p: Predicates,
  extra: readonly IndexSpec[] = [],
): IndexChoice | null {
  let best: IndexChoice | null = null;
  for (const index of [...table.indexes, ...extra]) {
    const choice = matchIndex(index, p);
    if (choice && (!best || score(choice) > score(best))) best = choice;
  }
  return best;
}

/** Predicate columns the chosen index does not constrain: the database reads them and filters. */
export function filteredColumns(p: Predicates, choice: IndexChoice | null): string[] {
  const matched = new Set(choice?.matched ?? []);
  const all = [...p.equal.keys(), ...p.range, ...p.notNull, ...p.other];
  return [...new Set(all)].filter((c) => !matched.has(c));
}
