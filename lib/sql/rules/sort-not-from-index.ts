/**
 * ORDER BY … LIMIT must come out of an index in order; otherwise every matching row is read and
 * sorted before the limit applies. Judged from index definitions: an empty sandbox happily sorts
 * where production would walk an index.
 */
import { relationFixes } from "../fixes";
import type { Predicates } from "../index-match";
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

function ownerOf(
  sort: IndexedNode,
  keys: readonly SortKey[],
  facts: readonly RelationFacts[],
): RelationFacts | undefined {
  const alias = keys[0]?.alias;
  if (alias) return facts.find((f) => f.use.alias === alias);
  const below = facts.filter((f) => f.use.scans.some((s) => ancestors(s.entry).includes(sort)));
  return below.length === 1 ? below[0] : undefined;
}

export const sortNotFromIndex = defineRule({
  id: "sort-not-from-index",
  severity: "warning",
  scope: "plan-node",
  summary: "ORDER BY … LIMIT sorts the matching rows: no index gives that order.",
  check(sort, ctx) {
    if (!/^(Incremental )?Sort$/.test(sort.node["Node Type"])) return [];
    if (!ancestors(sort).some((a) => a.node["Node Type"] === "Limit")) return [];
    // Rows from unique lookups alone (one row, one per listed value or joined row): few to sort.
    const below = ctx.relations.filter((f) =>
      f.use.scans.some((s) => ancestors(s.entry).includes(sort)),
    );
    if (below.length > 0 && below.every((f) => f.choice?.unique)) return [];
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
