/**
 * Which index production would use for a relation's predicates, decided from the index
 * definitions rather than from an empty sandbox's plan (with no rows the planner picks indexes
 * almost at random). Equality columns (constants, parameters, ANY arrays, join keys) extend an
 * index prefix; one range column may end it. The leading column must be constrained, or there is
 * no lookup at all, only a walk of the whole index. Keys are column names, or for an expression
 * over one column its key in parentheses (see expressions.ts), which expression indexes list too.
 */
import { hidingCast } from "./casts";
import { parseAtom, type Atom } from "./conditions";
import { keyLabel, type ExprRef } from "./expressions";
import type { IndexSpec, TableSpec } from "./schema/types";
import { valueList } from "./value-list";
import type { RowCount, ValueList } from "./verdict";

export interface Predicates {
  /** Keys fixed by equality, with the printed value when it is a literal. */
  readonly equal: Map<string, string | null>;
  /** Equality keys that take a list of values (`= ANY`, `IN`), rather than one. */
  readonly lists: Map<string, ValueList>;
  /** Equality keys bound by a join key: one value per row of the other relation (its alias). */
  readonly joins: Map<string, string | null>;
  readonly range: Set<string>;
  /** Range keys bounded from both ends (`BETWEEN`); one end alone (a keyset cursor) narrows nothing by itself. */
  readonly closed: Set<string>;
  readonly notNull: Set<string>;
  /** Keys only mentioned in conditions no index can serve (OR, LIKE, functions, jsonb operators). */
  readonly other: Set<string>;
  /** Keys matched by LIKE or a regular expression (also in `other`). */
  readonly patterns: Set<string>;
  /** The expressions behind expression keys. */
  readonly expressions: Map<string, ExprRef>;
}

export interface IndexChoice {
  readonly index: IndexSpec;
  /** Index keys the predicates constrain, in index order. */
  readonly matched: readonly string[];
  /** A unique index matched on every key column by equality: one row per combination of values. */
  readonly unique: boolean;
}

const EQUALITIES = new Set(["eq-value", "eq-any", "eq-column"]);

function emptyPredicates(): Predicates {
  return {
    equal: new Map(),
    lists: new Map(),
    joins: new Map(),
    range: new Set(),
    closed: new Set(),
    notNull: new Set(),
    other: new Set(),
    patterns: new Set(),
    expressions: new Map(),
  };
}

/** A copy with `keys` fixed to one value each (what a predicate fix adds). */
export function withEqualities(p: Predicates, keys: readonly string[]): Predicates {
  const equal = new Map(p.equal);
  const lists = new Map(p.lists);
  const joins = new Map(p.joins);
  for (const key of keys) {
    equal.set(key, null);
    lists.delete(key);
    joins.delete(key);
  }
  return { ...p, equal, lists, joins };
}

/** A copy with the expression `key` read as the plain `column` (what taking a cast off gives). */
export function withKeyAs(p: Predicates, key: string, column: string): Predicates {
  const rename = (k: string) => (k === key ? column : k);
  const renameMap = <V>(m: Map<string, V>) => new Map([...m].map(([k, v]) => [rename(k), v]));
  const renameSet = (set: Set<string>) => new Set([...set].map(rename));
  return {
    equal: renameMap(p.equal),
    lists: renameMap(p.lists),
    joins: renameMap(p.joins),
    range: renameSet(p.range),
    closed: renameSet(p.closed),
    notNull: renameSet(p.notNull),
    other: renameSet(p.other),
    patterns: renameSet(p.patterns),
    expressions: new Map([...p.expressions].filter(([k]) => k !== key)),
  };
}

/** Records an equality; one value wins over a list or a join key on the same key. */
function addEquality(p: Predicates, key: string, atom: Atom): void {
  if (atom.shape === "eq-value") {
    p.equal.set(key, atom.value ?? null);
    p.lists.delete(key);
    p.joins.delete(key);
    return;
  }
  if (p.equal.has(key)) return;
  p.equal.set(key, null);
  if (atom.shape === "eq-any") p.lists.set(key, valueList(atom.list));
  else p.joins.set(key, atom.other?.alias ?? null);
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
  const p = emptyPredicates();
  const keyOf = (atom: Atom): string | undefined => {
    if (atom.column) {
      if (atom.column.alias !== alias || !columns.has(atom.column.column)) return undefined;
      const cast = hidingCast(table, atom.column);
      if (cast) p.expressions.set(cast.key, cast);
      return cast ? cast.key : atom.column.column;
    }
    if (atom.expr?.alias === alias && columns.has(atom.expr.column)) {
      p.expressions.set(atom.expr.key, atom.expr);
      return atom.expr.key;
    }
    return undefined;
  };
  // Range bounds the planner derives from a constant LIKE prefix (`>= 'ab' AND < 'ac'`).
  const literalRanges = new Set<string>();
  const valueRanges = new Set<string>();
  const ends = { lower: new Set<string>(), upper: new Set<string>() };
  for (const atom of atoms) {
    if (atom.shape === "eq-column" && !bound(atom.other?.alias ?? null)) continue;
    const key = keyOf(atom);
    if (key && EQUALITIES.has(atom.shape)) addEquality(p, key, atom);
    else if (key && atom.shape === "is-null") p.equal.set(key, "NULL");
    else if (key && atom.shape === "range") {
      p.range.add(key);
      (atom.value?.startsWith("'") ? literalRanges : valueRanges).add(key);
      if (atom.bound) ends[atom.bound].add(key);
    } else if (key && atom.shape === "not-null") p.notNull.add(key);
    else if (key) {
      p.other.add(key);
      if (atom.pattern) p.patterns.add(key);
    } else {
      for (const ref of atom.refs)
        if (ref.alias === alias && columns.has(ref.column)) p.other.add(ref.column);
    }
  }
  // Those bounds are an index range only under the C collation (the lab's). PostHog's indexes
  // are plain btrees under the database's collation, where the pattern is read row by row.
  for (const key of p.patterns) {
    if (literalRanges.has(key) && !valueRanges.has(key)) p.range.delete(key);
  }
  for (const key of ends.lower) if (ends.upper.has(key)) p.closed.add(key);
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
  return { index, matched, unique: index.unique && allEqual };
}

/** "At most one row" only for one value on every key column of a unique index. */
export function rowCount(choice: IndexChoice, p: Predicates): RowCount {
  const listKey = choice.matched.find((c) => p.lists.has(c));
  const list = listKey === undefined ? undefined : p.lists.get(listKey);
  if (!choice.unique) return list ? { kind: "range", list } : { kind: "range" };
  if (listKey !== undefined && list) return { kind: "per-value", column: keyLabel(listKey), list };
  const joinKey = choice.matched.find((c) => p.joins.has(c));
  if (joinKey !== undefined) {
    return { kind: "per-probe", column: keyLabel(joinKey), joinedTo: p.joins.get(joinKey) ?? null };
  }
  return { kind: "one" };
}

export function score(choice: IndexChoice | null): number {
  if (!choice) return -Infinity;
  const unused = choice.index.columns.length - choice.matched.length;
  return choice.matched.length * 10 + (choice.unique ? 5 : 0) - unused;
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
