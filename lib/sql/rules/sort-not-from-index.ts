/**
 * ORDER BY … LIMIT must come out of an index in order; otherwise every matching row is read and
 * sorted before the limit applies. Judged from index definitions: an empty sandbox happily sorts
 * where production would walk an index.
 */
import { relationFixes } from "../fixes";
import { rowCount, type Predicates } from "../index-match";
import { ancestors, type IndexedNode } from "../plan";
import type { RelationFacts } from "../relations";
import type { IndexSpec } from "../schema/types";
import { withFixes } from "./findings";
import { defineRule } from "./rule";

interface SortKey {
  readonly alias: string | null;
  readonly column: string;
  readonly desc: boolean;
}

const SORT_KEY = /^(?:([a-z_][a-z0-9_]*)\.)?([a-z_][a-z0-9_]*)( DESC)?(?: NULLS (?:FIRST|LAST))?$/i;

function parseSortKey(text: string): SortKey | null {
  const m = SORT_KEY.exec(text.trim());
  return m ? { alias: m[1] ?? null, column: m[2] ?? "", desc: Boolean(m[3]) } : null;
}

/** Does some index, after columns fixed by equality, list the keys in order (all one direction)? */
function indexGivesOrder(index: IndexSpec, p: Predicates, keys: readonly SortKey[]): boolean {
  const equal = p.equal;
  if (new Set(keys.map((k) => k.desc)).size > 1) return false;
  let k = 0;
  for (const column of index.columns) {
    if (k < keys.length && keys[k]?.column === column) k++;
    else if (k === 0 && equal.has(column)) continue;
    else break;
  }
  // The walk must start from a lookup: the leading column fixed, or ranged and also the first key.
  const leading = index.columns[0] ?? "";
  return (
    k === keys.length &&
    (equal.has(leading) || (p.range.has(leading) && leading === keys[0]?.column))
  );
}

const under = (sort: IndexedNode, facts: readonly RelationFacts[]) =>
  facts.filter((f) => f.use.scans.some((s) => ancestors(s.entry).includes(sort)));

function ownerOf(
  sort: IndexedNode,
  keys: readonly SortKey[],
  facts: readonly RelationFacts[],
): RelationFacts | undefined {
  const alias = keys[0]?.alias;
  if (alias) return facts.find((f) => f.use.alias === alias);
  const below = under(sort, facts);
  return below.length === 1 ? below[0] : undefined;
}

/** Does `n` hand its rows to `sort` (not a value to it, as an InitPlan or SubPlan does)? */
function feeds(n: IndexedNode, sort: IndexedNode): boolean {
  for (let at: IndexedNode | null = n; at; at = at.parent) {
    if (at === sort) return true;
    if (/^(Init|Sub)Plan$/.test(at.node["Parent Relationship"] ?? "")) return false;
  }
  return false;
}

/**
 * Few rows reach the sort: every node that produces them is a unique lookup of one row, one per
 * value of a list the request passes, or one per row of another such lookup. Rows from a WITH
 * query, a function, VALUES or a list a subquery builds are any number.
 */
function fewRowsSorted(
  sort: IndexedNode,
  nodes: readonly IndexedNode[],
  facts: readonly RelationFacts[],
): boolean {
  const fed = facts.filter((f) => f.use.scans.some((s) => feeds(s.entry, sort)));
  const scans = new Set(fed.flatMap((f) => f.use.scans.flatMap((s) => [s.entry, s.indexEntry])));
  const leaves = nodes.filter((n) => !n.node.Plans?.length && n !== sort && feeds(n, sort));
  if (fed.length === 0 || !leaves.every((n) => scans.has(n))) return false;
  const byAlias = new Map(fed.map((f) => [f.use.alias, f]));
  // Follows each join to the lookup that drives it, one step per relation at most: no cycle.
  const few = (f: RelationFacts | undefined, steps: number): boolean => {
    if (!f?.choice?.unique || steps > fed.length) return false;
    const rows = rowCount(f.choice, f.predicates);
    if (rows.kind === "one") return true;
    if (rows.kind === "per-value") return rows.list.param !== null || rows.list.count !== null;
    return rows.kind === "per-probe" && few(byAlias.get(rows.joinedTo ?? ""), steps + 1);
  };
  return fed.every((f) => few(f, 0));
}

export const sortNotFromIndex = defineRule({
  id: "sort-not-from-index",
  severity: "warning",
  scope: "plan-node",
  summary: "ORDER BY … LIMIT sorts the matching rows: no index gives that order.",
  check(sort, ctx) {
    if (!/^(Incremental )?Sort$/.test(sort.node["Node Type"])) return [];
    if (!ancestors(sort).some((a) => a.node["Node Type"] === "Limit")) return [];
    if (fewRowsSorted(sort, ctx.nodes, ctx.relations)) return [];
    const raw = sort.node["Sort Key"] ?? [];
    const keys = raw.map(parseSortKey);
    const owner = keys.every(Boolean) ? ownerOf(sort, keys as SortKey[], ctx.relations) : undefined;
    // A key with a handful of rows (a team's group types) sorts in no time.
    if (owner?.choice?.index.fewRowsPerKey) return [];
    if (owner) {
      const indexes = [...owner.table.indexes, ...owner.extra];
      if (indexes.some((ix) => indexGivesOrder(ix, owner.predicates, keys as SortKey[]))) return [];
    }
    const fixes = owner
      ? relationFixes(owner, ctx.fixes, {
          index: true,
          orderBy: (keys as SortKey[]).map((k) => k.column),
        })
      : [];
    return [
      {
        table: owner?.table.name ?? null,
        aliases: owner ? [owner.use.alias] : [],
        index: null,
        matched: [],
        filtered: [],
        message: `ORDER BY ${raw.join(", ")} … LIMIT needs a sort: no index returns the matching rows in that order, so all of them are read before the limit applies.`,
        nodeIds: [sort.id],
        ...withFixes(
          fixes,
          "Order by columns that an index gives in order after its equality columns.",
        ),
      },
    ];
  },
});
