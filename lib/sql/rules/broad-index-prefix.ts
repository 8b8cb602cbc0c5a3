/**
 * A lookup on a broad key only (a whole team, project or cohort) with selective predicates left
 * to filter: its own, or those of a relation the join reaches only through it (starved).
 */
import { keyLabel } from "../expressions";
import { relationFixes, starvedFixes } from "../fixes";
import { filteredColumns, type IndexChoice } from "../index-match";
import type { Starved } from "../join-order";
import type { RelationFacts } from "../relations";
import { broadLookup, onlyBroadKeys, selectiveColumns } from "../selectivity";
import { distinctFixes } from "../verdict";
import { isAre, listKeys } from "../wording";
import { labels, relationBase, withFixes } from "./findings";
import { defineRule } from "./rule";

/** Every row of a team (project, cohort) is read, and what it is filtered or joined on. */
function broadMessage(
  f: RelationFacts,
  choice: IndexChoice,
  selective: string[],
  starved: readonly Starved[],
) {
  const broad = broadLookup(choice, f.predicates);
  const head = `${f.table.name} is looked up through ${choice.index.name} on ${broad.on}, so ${broad.every} is read`;
  if (selective.length > 0) {
    return `${head} and ${listKeys(selective)} ${isAre(selective)} filtered afterwards.`;
  }
  const others = starved.map((s) => {
    const keys = labels(s.keys);
    return `${s.facts.table.name}'s ${listKeys(keys)}`;
  });
  return (
    `${head} and joined: ${others.join(" and ")} cannot be looked up first (no index leads with ` +
    "it), so it is only checked after the join."
  );
}

export const broadIndexPrefix = defineRule({
  id: "broad-index-prefix",
  severity: "warning",
  scope: "relation",
  summary:
    "The index matches only a broad key (a whole team, project or cohort); selective predicates, its own or those of a table the join reaches through it, are checked row by row.",
  check(f, ctx) {
    const choice = f.choice;
    if (!choice || choice.index.fewRowsPerKey || !onlyBroadKeys(choice, f.predicates)) return [];
    // Only the relation that drives the join reads a whole key for the ones it reaches.
    const starved = ctx.relations[0] === f ? ctx.starved : [];
    const filtered = filteredColumns(f.predicates, choice);
    const selective = labels(selectiveColumns(f.table, filtered));
    if (selective.length === 0 && starved.length === 0) return [];
    const patterned = labels(filtered.filter((k) => f.predicates.patterns.has(k)));
    const cast = filtered.map((k) => f.predicates.expressions.get(k)).find((e) => e?.cast);
    const type = f.table.columns.find((c) => c.name === cast?.column)?.type;
    const fallback = cast
      ? `\`${keyLabel(cast.key)}\` is a cast of \`${cast.column}\`, which no index sees through: compare the column itself and cast the other side instead (\`${cast.column} = …::${type}\`).`
      : patterned.length
        ? `${listKeys(patterned)} ${isAre(patterned)} matched by a pattern (LIKE or a regular expression): under the database's collation even a prefix pattern is no range of a plain btree index, so it is checked row by row. Compare the whole value (\`= $n\`) if the request carries it, or discuss a text_pattern_ops index with the team.`
        : `No index can serve ${listKeys(selective.length ? selective : starved.flatMap((s) => labels(s.keys)))} as written: narrow the query by an indexed key, or discuss an index with the team.`;
    const fixes = distinctFixes([
      ...(selective.length === 0 ? starvedFixes(starved, ctx.fixes) : []),
      ...relationFixes(f, ctx.fixes, { predicates: true, index: selective.length > 0 }),
    ]);
    return [
      {
        ...relationBase(f),
        index: choice.index.name,
        matched: labels(choice.matched),
        filtered: labels(filtered),
        message: broadMessage(f, choice, selective, starved),
        ...withFixes(fixes, fallback),
      },
    ];
  },
});
