/** A personhog table read without an index lookup reads every row of the production table. */
import { relationFixes } from "../fixes";
import { filteredColumns } from "../index-match";
import { unservedBranch } from "../or-branches";
import type { RelationFacts } from "../relations";
import { listKeys } from "../wording";
import { labels, relationBase, withFixes } from "./findings";
import { defineRule } from "./rule";

/** Why an index scan in the plan is no lookup: it walks or skip-scans the whole index. */
function plannerIgnoredLeadingColumn(f: RelationFacts): string {
  const walked = f.use.scans.find(
    (s) => s.index && s.indexEntry && !s.indexEntry.node["Index Cond"],
  );
  if (walked) return ` The planner could only walk all of ${walked.index}.`;
  const skipped = f.use.scans.find((s) => s.index && s.indexEntry?.node["Index Cond"]);
  if (skipped)
    return ` PostgreSQL 18 can skip-scan ${skipped.index} without its leading column, but that still reads the whole index.`;
  return "";
}

export const seqScan = defineRule({
  id: "seq-scan",
  severity: "error",
  scope: "relation",
  final: true,
  summary:
    "A personhog table is read without an index lookup (sequential scan, or a walk of a whole index).",
  check(f, ctx) {
    const seq = f.use.scans.some((s) => s.entry.node["Node Type"] === "Seq Scan");
    if (f.choice && !seq) return [];
    const filtered = labels(filteredColumns(f.predicates, null));
    const branch = unservedBranch(f.use, f.table, () => true);
    const predicate = branch
      ? ` Its OR is true for rows no index can find: the branch on ${listKeys(labels(branch))} matches the leading column of no index, so every row is read to test it.`
      : filtered.length
        ? ` Its predicates on ${listKeys(filtered)} match the leading column of no index.`
        : " It has no predicate an index could use.";
    const fixes = relationFixes(f, ctx.fixes, { predicates: true, index: true });
    return [
      {
        ...relationBase(f),
        index: null,
        matched: [],
        filtered,
        message: `${f.table.name} is read row by row: no index can serve this query.${predicate}${plannerIgnoredLeadingColumn(f)}`,
        ...withFixes(
          fixes,
          "Add a predicate on the leading columns of an existing index (see the database indexes reference).",
        ),
      },
    ];
  },
});
