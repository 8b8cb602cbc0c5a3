import { terminalText } from "@/lib/export/terminal-text";
import { indexPlan, type ExplainOutput, type IndexedNode } from "@/lib/sql/plan";

/** Partitions beyond this many under one Append are summarised: 64 identical lines help nobody. */
const SHOWN_PARTITIONS = 2;

function describe(entry: IndexedNode): string[] {
  const n = entry.node;
  return [
    n["Relation Name"] &&
      `on ${n["Relation Name"]}${n.Alias && n.Alias !== n["Relation Name"] ? ` ${n.Alias}` : ""}`,
    n["Index Name"] && `using ${n["Index Name"]}`,
    n["Index Cond"] && `index cond ${n["Index Cond"]}`,
    n.Filter && `filter ${n.Filter}`,
    n["Join Filter"] && `join filter ${n["Join Filter"]}`,
    n["Sort Key"] && `sort ${n["Sort Key"].join(", ")}`,
    n["Subplans Removed"] !== undefined && `${n["Subplans Removed"]} partitions pruned`,
  ].filter((x): x is string => Boolean(x));
}

function visibleNodes(
  nodes: readonly IndexedNode[],
): (IndexedNode | { hidden: number; depth: number; id: string })[] {
  const out: (IndexedNode | { hidden: number; depth: number; id: string })[] = [];
  const skip = new Set<IndexedNode>();
  for (const entry of nodes) {
    if (entry.parent && skip.has(entry.parent)) {
      skip.add(entry);
      continue;
    }
    const siblings = entry.parent?.node.Plans ?? [];
    const position = siblings.indexOf(entry.node);
    if (entry.parent?.node["Node Type"].endsWith("Append") && position >= SHOWN_PARTITIONS) {
      skip.add(entry);
      if (position === SHOWN_PARTITIONS) {
        out.push({
          hidden: siblings.length - SHOWN_PARTITIONS,
          depth: entry.depth,
          id: `more-${entry.id}`,
        });
      }
      continue;
    }
    out.push(entry);
  }
  return out;
}

export function PlanTree({
  plan,
  flagged,
}: {
  readonly plan: ExplainOutput;
  readonly flagged: ReadonlySet<number>;
}) {
  const nodes = indexPlan(plan.Plan);
  return (
    <ol data-testid="plan-tree" aria-label="Query plan" className="space-y-1 font-mono text-xs">
      {visibleNodes(nodes).map((item) =>
        "hidden" in item ? (
          <li
            key={item.id}
            style={{ paddingLeft: `${item.depth * 1.25}rem` }}
            className="text-slate-500"
          >
            … {item.hidden} more partitions, the same shape
          </li>
        ) : (
          <li
            key={item.id}
            data-node-id={item.id}
            data-flagged={flagged.has(item.id) || undefined}
            style={{ paddingLeft: `${item.depth * 1.25}rem` }}
            className={flagged.has(item.id) ? "rounded bg-red-100 dark:bg-red-950" : undefined}
          >
            <span className="font-semibold">{item.node["Node Type"]}</span>{" "}
            <span className="text-slate-600 dark:text-slate-400">
              {terminalText(describe(item).join(" · "))} · ~{item.node["Plan Rows"] ?? "?"} rows
            </span>
          </li>
        ),
      )}
    </ol>
  );
}
