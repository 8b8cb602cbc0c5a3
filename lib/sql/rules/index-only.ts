/** The planner can answer from the index alone, without visiting the table. */
import { labels, relationBase } from "./findings";
import { defineRule } from "./rule";

export const indexOnly = defineRule({
  id: "index-only",
  severity: "info",
  scope: "relation",
  summary: "The planner can answer from the index alone (index-only scan).",
  check(f) {
    const indexOnly = f.use.scans.filter((s) => s.entry.node["Node Type"] === "Index Only Scan");
    // An OR served branch by branch is a BitmapOr in production, which always visits the table.
    if (!f.choice || f.branches || indexOnly.length === 0) return [];
    return [
      {
        ...relationBase(f),
        index: indexOnly[0]?.index ?? null,
        matched: labels(f.choice.matched),
        filtered: [],
        message: `${f.table.name} can be answered from ${indexOnly[0]?.index} alone, without visiting the table.`,
        advice: "",
        fixes: [],
        nodeIds: indexOnly.map((s) => s.entry.id),
      },
    ];
  },
});
