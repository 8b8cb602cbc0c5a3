/**
 * posthog_person is hash-partitioned on team_id: a read that nothing pins to one partition probes
 * the index of every partition.
 */
import { keyLabel } from "../expressions";
import { relationFixes } from "../fixes";
import { constrains, everyPartitionKept } from "../relations";
import { partitionsBase, withFixes } from "./findings";
import { defineRule } from "./rule";

export const noPartitionPruning = defineRule({
  id: "no-partition-pruning",
  severity: "error",
  scope: "relation",
  summary: "posthog_person is probed in every partition: no team_id pins it to one.",
  check(f, ctx) {
    const append = everyPartitionKept(f);
    const partitions = f.table.partitions;
    if (!append || !partitions) return [];
    const key = partitions.key;
    // A join on the key prunes each probe at run time (runtime-pruning).
    if (constrains(f, key, "eq-column")) return [];
    const anyArray = constrains(f, key, "eq-any");
    const cast = [...f.predicates.expressions.values()].find((e) => e.cast && e.column === key);
    const unpinned = cast
      ? `${key} is compared only through a cast (\`${keyLabel(cast.key)}\`), which pins no partition`
      : `nothing pins ${key} to a value`;
    return [
      {
        ...partitionsBase(f, append),
        message: anyArray
          ? `${f.table.name} is probed in all ${partitions.count} partitions: \`${key} = ANY($n)\` with an array parameter cannot prune hash partitions in a prepared (generic) plan.`
          : `${f.table.name} is probed in all ${partitions.count} partitions: ${unpinned}, so each partition's index is searched.`,
        ...withFixes(
          anyArray ? [] : relationFixes(f, ctx.fixes, { predicates: true }),
          anyArray
            ? `Query one team at a time (\`${key} = $n\`), or join UNNEST(team_ids, keys) pairs so each probe names its own ${key}.`
            : `Add \`${key} = $n\` so the planner prunes to the team's partition; for several teams, join UNNEST pairs so each probe names its ${key}.`,
        ),
      },
    ];
  },
});
