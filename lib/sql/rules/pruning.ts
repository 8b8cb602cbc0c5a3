/** posthog_person is hash-partitioned on team_id: a read must be pinned to one partition. */
import { relationFixes, type FixContext } from "../fixes";
import { keyLabel } from "../expressions";
import type { Verdict } from "../verdict";
import { withFixes, type RelationFacts } from "./scan-rules";

export function pruningVerdict(f: RelationFacts, ctx: FixContext): Verdict | null {
  const partitions = f.table.partitions;
  if (!partitions || !f.use.append) return null;
  const removed = f.use.append.node["Subplans Removed"] ?? 0;
  if (removed > 0 || f.use.scans.length < partitions.count) return null;
  const key = partitions.key;
  const base = {
    table: f.table.name,
    aliases: [f.use.alias],
    index: f.choice?.index.name ?? null,
    matched: (f.choice?.matched ?? []).map(keyLabel),
    filtered: [],
    nodeIds: [f.use.append.id],
  };
  const joinBound = f.use.atoms.some(
    (a) => a.shape === "eq-column" && a.column?.alias === f.use.alias && a.column.column === key,
  );
  if (joinBound) {
    return {
      ...base,
      severity: "info",
      rule: "runtime-pruning",
      message: `${f.table.name} has no constant ${key}, but each row it is joined to names its ${key}, so every probe is pruned to one partition at run time.`,
      advice: "",
      fixes: [],
    };
  }
  const anyArray = f.use.atoms.some(
    (a) => a.shape === "eq-any" && a.column?.alias === f.use.alias && a.column.column === key,
  );
  return {
    severity: "error",
    rule: "no-partition-pruning",
    ...base,
    message: anyArray
      ? `${f.table.name} is probed in all ${partitions.count} partitions: \`${key} = ANY($n)\` with an array parameter cannot prune hash partitions in a prepared (generic) plan.`
      : `${f.table.name} is probed in all ${partitions.count} partitions: nothing pins ${key} to a value, so each partition's index is searched.`,
    ...withFixes(
      anyArray ? [] : relationFixes(f, ctx, { predicates: true }),
      anyArray
        ? `Query one team at a time (\`${key} = $n\`), or join UNNEST(team_ids, keys) pairs so each probe names its own ${key}.`
        : `Add \`${key} = $n\` so the planner prunes to the team's partition; for several teams, join UNNEST pairs so each probe names its ${key}.`,
    ),
  };
}
