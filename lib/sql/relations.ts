/**
 * Groups a plan's scans into relation uses: one per table reference in the query, with the
 * partitions of a partitioned table folded back into their parent, and gathers every condition
 * that constrains each use (its own scan conditions and the join conditions that name it). With
 * its table's schema and the index it would be looked up through, a use becomes the relation
 * facts every per-relation rule reads.
 */
import { parseCondition, type Atom, type ColumnRef } from "./conditions";
import { chooseIndex, predicatesFor, type IndexChoice, type Predicates } from "./index-match";
import { orBranches, servedBy, type Branch } from "./or-branches";
import { APPEND_TYPES, SCAN_TYPES, type IndexedNode } from "./plan";
import type { IndexSpec, TableSpec } from "./schema/types";
import { indexOfPartitionIndex, tableOfPartition } from "./schema/partitions";

/** `posthog_person_p7` → `posthog_person`; any other name is returned as it is. */
export function parentTable(relation: string): string {
  return tableOfPartition(relation) ?? relation;
}

/**
 * The schema's name for an index the planner used. Partition indexes get generated names, so the
 * runner reads child → parent index names from the catalogue once and passes them in; an index
 * created on each partition has no parent there, and its name comes from the schema.
 */
export function parentIndex(index: string, indexParents: Readonly<Record<string, string>>): string {
  return indexParents[index] ?? indexOfPartitionIndex(index) ?? index;
}

export interface ScanUse {
  readonly entry: IndexedNode;
  /** The node naming the index: the scan itself, or the Bitmap Index Scan beneath it. */
  readonly indexEntry: IndexedNode | null;
  /** The schema's name for the index the planner chose, or null for a sequential scan. */
  readonly index: string | null;
}

export interface RelationUse {
  readonly table: string;
  readonly alias: string;
  readonly scans: readonly ScanUse[];
  /** The Append over this table's partitions, when the planner kept more than one. */
  readonly append: IndexedNode | null;
  /** Conditions on this relation's columns, with `column` resolved to this relation. */
  readonly atoms: Atom[];
}

/** What the index reasoning knows about one relation use: what every per-relation rule reads. */
export interface RelationFacts {
  readonly use: RelationUse;
  readonly table: TableSpec;
  /** With an OR served branch by branch: the weakest branch's, which decides the verdict. */
  readonly predicates: Predicates;
  /** The index production would look it up through, or null when none can serve. */
  readonly choice: IndexChoice | null;
  /** An OR each of whose branches an index serves (a BitmapOr): every branch's lookup. */
  readonly branches?: readonly Branch[];
  /** Hypothetical indexes (index advice) on this table. */
  readonly extra: readonly IndexSpec[];
}

/** `bound` says which aliases are read before this one, so their join keys count as values. */
export function relationFacts(
  use: RelationUse,
  table: TableSpec,
  extra: readonly IndexSpec[],
  bound: (alias: string | null) => boolean,
): RelationFacts {
  const predicates = predicatesFor(use.atoms, use.alias, table, bound);
  const choice = chooseIndex(table, predicates, extra);
  const branches = orBranches(use, table, extra, bound);
  return { use, table, ...servedBy(predicates, choice, branches), extra };
}

/** The Append over a partitioned relation when the plan kept every partition, else null. */
export function everyPartitionKept(f: RelationFacts): IndexedNode | null {
  const partitions = f.table.partitions;
  const append = f.use.append;
  if (!partitions || !append) return null;
  const removed = append.node["Subplans Removed"] ?? 0;
  return removed > 0 || f.use.scans.length < partitions.count ? null : append;
}

/** Does a condition compare the relation's `column` in this shape (`eq-column`: a join key)? */
export function constrains(f: RelationFacts, column: string, shape: Atom["shape"]): boolean {
  return f.use.atoms.some(
    (a) => a.shape === shape && a.column?.alias === f.use.alias && a.column.column === column,
  );
}

function scanUse(
  entry: IndexedNode,
  all: readonly IndexedNode[],
  parents: Record<string, string>,
): ScanUse {
  const indexEntry = entry.node["Index Name"]
    ? entry
    : (all.find((e) => e.parent === entry && e.node["Index Name"]) ?? null);
  const name = indexEntry?.node["Index Name"];
  return { entry, indexEntry, index: name ? parentIndex(name, parents) : null };
}

/** Partition scans under one Append share an alias like `p_3`; their use's alias is `p`. */
function baseAlias(entry: IndexedNode): string {
  const alias = entry.node.Alias ?? entry.node["Relation Name"] ?? "";
  const relation = entry.node["Relation Name"] ?? "";
  return parentTable(relation) !== relation ? alias.replace(/_\d+$/, "") : alias;
}

export function collectRelations(
  nodes: readonly IndexedNode[],
  indexParents: Readonly<Record<string, string>>,
): RelationUse[] {
  const uses = new Map<
    string,
    { table: string; alias: string; scans: ScanUse[]; append: IndexedNode | null }
  >();
  for (const entry of nodes) {
    const relation = entry.node["Relation Name"];
    if (!relation || !SCAN_TYPES.has(entry.node["Node Type"])) continue;
    const table = parentTable(relation);
    const alias = baseAlias(entry);
    const key = `${table}|${alias}`;
    const use = uses.get(key) ?? { table, alias, scans: [], append: null };
    use.scans.push(scanUse(entry, nodes, indexParents));
    if (table !== relation && entry.parent && APPEND_TYPES.has(entry.parent.node["Node Type"])) {
      use.append = entry.parent;
    }
    uses.set(key, use);
  }
  const aliasOf = new Map<string, string>();
  for (const use of uses.values()) {
    for (const scan of use.scans) aliasOf.set(scan.entry.node.Alias ?? use.alias, use.alias);
    aliasOf.set(use.alias, use.alias);
  }
  const atoms = gatherAtoms(nodes, aliasOf);
  return [...uses.values()].map((use) => ({ ...use, atoms: atoms.get(use.alias) ?? [] }));
}

/** Every condition in the plan, each resolved to the use whose column it constrains. */
function gatherAtoms(
  nodes: readonly IndexedNode[],
  aliasOf: Map<string, string>,
): Map<string, Atom[]> {
  const byAlias = new Map<string, Atom[]>();
  const seen = new Set<string>();
  // An Append repeats one condition text on each of up to 64 partitions: parse each text once.
  const parsed = new Map<string, Atom[]>();
  const atomsOf = (text: string | undefined): Atom[] => {
    if (!text) return [];
    let atoms = parsed.get(text);
    if (!atoms) parsed.set(text, (atoms = parseCondition(text)));
    return atoms;
  };
  const resolve = (ref: ColumnRef, own: string | null): ColumnRef => ({
    ...ref,
    alias: ref.alias ? (aliasOf.get(ref.alias) ?? ref.alias) : own,
  });
  /** An OR branch's atom, its columns resolved like any other condition's. */
  const resolveAtom = (a: Atom, own: string | null): Atom => ({
    ...a,
    refs: a.refs.map((r) => resolve(r, own)),
    ...(a.column ? { column: resolve(a.column, own) } : {}),
    ...(a.expr ? { expr: { ...a.expr, alias: resolve(a.expr, own).alias } } : {}),
    ...(a.other ? { other: resolve(a.other, own) } : {}),
  });
  const add = (alias: string | null, atom: Atom) => {
    if (!alias) return;
    const key = `${alias}|${atom.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = byAlias.get(alias);
    if (list) list.push(atom);
    else byAlias.set(alias, [atom]);
  };
  for (const entry of nodes) {
    const node = entry.node;
    const scanOwner = SCAN_TYPES.has(node["Node Type"]) ? entry : entry.parent;
    const ownAlias =
      scanOwner && SCAN_TYPES.has(scanOwner.node["Node Type"])
        ? (aliasOf.get(scanOwner.node.Alias ?? "") ?? null)
        : null;
    const scanConds =
      node["Node Type"] === "Bitmap Index Scan" || SCAN_TYPES.has(node["Node Type"]);
    const texts = scanConds
      ? [node["Index Cond"], node.Filter, node["Recheck Cond"]]
      : [node["Join Filter"], node["Hash Cond"], node["Merge Cond"]];
    for (const atom of texts.flatMap(atomsOf)) {
      const refs = atom.refs.map((r) => resolve(r, ownAlias));
      const expr = atom.expr && { ...atom.expr, alias: resolve(atom.expr, ownAlias).alias };
      if (atom.shape === "eq-column" && atom.other) {
        const column = atom.column && resolve(atom.column, ownAlias);
        const other = resolve(atom.other, ownAlias);
        const otherExpr = atom.otherExpr && { ...atom.otherExpr, alias: other.alias };
        const own = column ?? (expr ? { alias: expr.alias, column: expr.column } : undefined);
        if (!own) continue;
        add(own.alias, { ...atom, column, expr, other, otherExpr, refs });
        // The same key seen from the other relation, which may probe with it instead.
        add(other.alias, {
          ...atom,
          column: otherExpr ? undefined : other,
          expr: otherExpr,
          other: own,
          otherExpr: expr,
          refs,
        });
        continue;
      }
      if (!atom.column) {
        const arms = atom.arms?.map((arm) => arm.map((a) => resolveAtom(a, ownAlias)));
        for (const alias of new Set(refs.map((r) => r.alias)))
          add(alias, { ...atom, expr, refs, ...(arms ? { arms } : {}) });
        continue;
      }
      const column = resolve(atom.column, ownAlias);
      add(column.alias, { ...atom, column, refs });
    }
  }
  return byAlias;
}
