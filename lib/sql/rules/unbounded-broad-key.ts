/**
 * A lookup on a broad key alone (a whole team, project or cohort) that nothing bounds: every row
 * of that key comes back, or is changed in one statement. The index serves it, so no other rule
 * flags it, but a team holds up to millions of persons: the request needs a page or a batch.
 * A plain aggregate (`COUNT(*)`) returns one row and is left alone, as is a key with few rows
 * per value (a team's group types).
 */
import type { IndexedNode } from "../plan";
import type { RelationFacts } from "../relations";
import { broadLookup, onlyBroadKeys, selectiveColumns } from "../selectivity";
import { filteredColumns } from "../index-match";
import { labels, relationBase } from "./findings";
import { defineRule } from "./rule";

/** Does a node above this scan bound what it returns (a LIMIT, or one row from an aggregate)? */
function bounded(entry: IndexedNode): boolean {
  for (let up = entry.parent; up; up = up.parent) {
    const type = up.node["Node Type"];
    if (type === "Limit" || (type === "Aggregate" && up.node.Strategy === "Plain")) return true;
  }
  return false;
}

function writes(entry: IndexedNode): string | null {
  for (let up = entry.parent; up; up = up.parent) {
    if (up.node["Node Type"] === "ModifyTable") return up.node.Operation?.toLowerCase() ?? null;
  }
  return null;
}

/** The column a keyset page continues on: the index's next one, else the table's id. */
function keysetColumn(f: RelationFacts): string {
  const choice = f.choice;
  return choice?.index.columns[choice.matched.length] ?? "id";
}

/** How to bound it: a keyset page for a read or a copy, batches of ids for a delete or update. */
function batchAdvice(f: RelationFacts, operation: string | null): string {
  const choice = f.choice;
  const keyset = keysetColumn(f);
  const where = (choice?.matched ?? [])
    .map((c) => `${c} = ${f.predicates.equal.get(c) ?? "$n"}`)
    .join(" AND ");
  if (operation === "delete" || operation === "update") {
    return `Work in batches: \`${operation.toUpperCase()} … WHERE id IN (SELECT id FROM ${f.table.name} WHERE ${where} LIMIT $n)\`, repeated until no row is left, with the request capping the batch.`;
  }
  const page = `\`AND ${keyset} > $n ORDER BY ${keyset} LIMIT $m\` (a keyset on ${choice?.index.name})`;
  return operation
    ? `Copy a page at a time: read ${f.table.name} with ${page}, with the request capping the page size.`
    : `Page it: ${page}, with the request capping the page size.`;
}

export const unboundedBroadKey = defineRule({
  id: "unbounded-broad-key",
  severity: "warning",
  scope: "relation",
  summary:
    "A lookup on a broad key alone (a whole team, project or cohort) with no LIMIT: every row of that key is returned or changed; page it or batch it.",
  check(f, ctx) {
    const choice = f.choice;
    // With an OR served branch by branch, `choice` is the weakest branch's: a whole key there counts.
    if (!choice || choice.index.fewRowsPerKey) return [];
    if (!onlyBroadKeys(choice, f.predicates)) return [];
    // Selective predicates left to filter, or a table reached through this one: broad-index-prefix.
    const filtered = filteredColumns(f.predicates, choice);
    const starved = ctx.relations[0] === f && ctx.starved.length > 0;
    if (selectiveColumns(f.table, filtered).length > 0 || starved) return [];
    if (f.use.scans.some((s) => bounded(s.entry))) return [];
    // A relation the join reaches is read per row of the driver: the driver's verdict judges that.
    if (ctx.relations[0] !== f && f.use.atoms.some((a) => a.shape === "eq-column")) return [];
    const key = labels(choice.matched);
    const broad = broadLookup(choice, f.predicates);
    const operation = f.use.scans.map((s) => writes(s.entry)).find(Boolean) ?? null;
    const what = operation ? `${operation}s` : "returns";
    return [
      {
        ...relationBase(f),
        index: choice.index.name,
        matched: key,
        filtered: labels(filtered),
        message:
          `${f.table.name} is looked up through ${choice.index.name} on ${broad.on}, and nothing bounds it: ` +
          `the statement ${what} ${broad.every}.`,
        advice: batchAdvice(f, operation),
        fixes: [],
      },
    ];
  },
});
