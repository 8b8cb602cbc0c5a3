/**
 * A partitioned table with no constant key, joined on it: each row it is joined to names the
 * partition, so every probe is pruned at run time. Fine, and worth saying why.
 */
import { constrains, everyPartitionKept } from "../relations";
import { partitionsBase } from "./findings";
import { defineRule } from "./rule";

export const runtimePruning = defineRule({
  id: "runtime-pruning",
  severity: "info",
  scope: "relation",
  summary: "posthog_person is pruned per row at run time through a join on team_id.",
  check(f) {
    const append = everyPartitionKept(f);
    const key = f.table.partitions?.key;
    if (!append || !key || !constrains(f, key, "eq-column")) return [];
    return [
      {
        ...partitionsBase(f, append),
        message: `${f.table.name} has no constant ${key}, but each row it is joined to names its ${key}, so every probe is pruned to one partition at run time.`,
        advice: "",
        fixes: [],
      },
    ];
  },
});
