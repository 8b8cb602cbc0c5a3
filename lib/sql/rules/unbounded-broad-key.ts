/**
 * A lookup on a broad key alone (a whole team, project or cohort) that nothing bounds: every row
 * of that key comes back, or is changed in one statement. The index serves it, so no other rule
 * flags it, but a team holds up to millions of persons: the request needs a page or a batch.
 * A LIMIT bounds it unless the caller picks an OFFSET: a deep page reads and drops every row
 * before it. An aggregate that folds the rows into one per key value (`COUNT(*)`, or a count
 * grouped by the key itself) is left alone, as is a key with few rows per value (a team's group types); one
 * that collects them (`array_agg`, `json_agg`, `string_agg` …) returns every row in one value.
 */
import type { IndexedNode } from "../plan";
import type { RelationFacts } from "../relations";
import { broadLookup, onlyBroadKeys, selectiveColumns } from "../selectivity";
import { filteredColumns } from "../index-match";
import { nameOf, tokenize } from "../tokens";
import { labels, relationBase } from "./findings";
import { defineRule } from "./rule";

/** Aggregates whose result grows with the rows they read: PostgreSQL's array, text, JSON, XML ones. */
const COLLECTING = new Set([
  "array_agg",
  "string_agg",
  "json_agg",
  "jsonb_agg",
  "json_object_agg",
  "jsonb_object_agg",
  "json_arrayagg",
  "json_objectagg",
  "xmlagg",
  "range_agg",
  "multirange_agg",
]);

/** What the plan does not show, read from the statement's tokens (once per text). */
interface Written {
  /** It calls a collecting aggregate somewhere. */
  readonly collects: boolean;
  /** It skips rows with `OFFSET $n` (or an expression): the caller picks how deep a page reads. */
  readonly offsetParam: boolean;
}

const written = (() => {
  let last: { sql: string; answer: Written } | null = null;
  return (sql: string): Written => {
    if (last?.sql !== sql) {
      const { tokens } = tokenize(sql);
      const collects = tokens.some(
        (t, i) => COLLECTING.has(nameOf(sql, t) ?? "") && tokens[i + 1]?.lower === "(",
      );
      const offsetParam = tokens.some(
        (t, i) => t.kind === "word" && t.lower === "offset" && tokens[i + 1]?.kind !== "number",
      );
      last = { sql, answer: { collects, offsetParam } };
    }
    return last.answer;
  };
})();

/** `posthog_cohortpeople.cohort_id` or `cohort_id`: the column a group key names. */
const groupColumn = (key: string): string => key.slice(key.lastIndexOf(".") + 1);

/**
 * Does a node above this scan bound what it returns: a LIMIT the caller cannot push deeper with
 * an OFFSET, or an aggregate that folds the rows into one (ungrouped, or grouped by the broad
 * key's own columns) and collects nothing?
 */
function bounded(entry: IndexedNode, key: readonly string[], { collects, offsetParam }: Written) {
  for (let up = entry.parent; up; up = up.parent) {
    const { node } = up;
    if (node["Node Type"] === "Limit" && !offsetParam) return true;
    if (node["Node Type"] !== "Aggregate" || collects) continue;
    const groups = node["Group Key"] ?? [];
    if (node.Strategy === "Plain" || groups.every((g) => key.includes(groupColumn(g)))) return true;
  }
  return false;
}

/** Is this scan under an aggregate (what it reads comes back folded, not row by row)? */
function aggregated(entry: IndexedNode): boolean {
  for (let up = entry.parent; up; up = up.parent)
    if (up.node["Node Type"] === "Aggregate") return true;
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
    const text = written(ctx.fixes.sql);
    if (f.use.scans.some((s) => bounded(s.entry, choice.matched, text))) return [];
    // A relation the join reaches is read per row of the driver: the driver's verdict judges that.
    if (ctx.relations[0] !== f && f.use.atoms.some((a) => a.shape === "eq-column")) return [];
    const key = labels(choice.matched);
    const broad = broadLookup(choice, f.predicates);
    const operation = f.use.scans.map((s) => writes(s.entry)).find(Boolean) ?? null;
    const folded = f.use.scans.some((s) => aggregated(s.entry));
    const what = operation
      ? `${operation}s ${broad.every}`
      : text.offsetParam
        ? `reads and discards every row before the page, up to ${broad.every}`
        : !folded
          ? `returns ${broad.every}`
          : text.collects
            ? `gathers ${broad.every} into one value`
            : `reads ${broad.every}, for one row per group`;
    const unbound = text.offsetParam
      ? "an OFFSET the caller picks undoes any LIMIT"
      : "nothing bounds it";
    return [
      {
        ...relationBase(f),
        index: choice.index.name,
        matched: key,
        filtered: labels(filtered),
        message:
          `${f.table.name} is looked up through ${choice.index.name} on ${broad.on}, and ${unbound}: ` +
          `the statement ${what}.`,
        advice: batchAdvice(f, operation),
        fixes: [],
      },
    ];
  },
});
