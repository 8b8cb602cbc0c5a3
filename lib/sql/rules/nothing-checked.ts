/**
 * A statement whose plan reads no table (`SELECT now()`, `SELECT pg_sleep(30)`, VALUES, a function
 * call) gives the lab nothing to judge: that is never a pass, and the design fails on it.
 */
import { defineRule } from "./rule";

export const nothingChecked = defineRule({
  id: "nothing-checked",
  severity: "error",
  scope: "statement",
  final: true,
  summary:
    "The statement reads no table (a constant, a function call, a VALUES list): nothing was checked, so it cannot pass.",
  check(tables, { nodes }) {
    if (tables.length > 0) return [];
    const removed = nodes.some((e) => e.node["One-Time Filter"] === "false");
    const why = removed
      ? "its condition is always false, so the planner dropped every table"
      : "it reads no table, only constants, functions or a VALUES list, and a function's own reads are invisible to the plan";
    return [
      {
        table: null,
        aliases: [],
        index: null,
        matched: [],
        filtered: [],
        message: `Nothing was checked: ${why}. A statement that touches no personhog table cannot pass.`,
        advice:
          "Write the query the RPC runs against the tables the design names (posthog_person, posthog_persondistinctid, …).",
        fixes: [],
        nodeIds: nodes.length ? [0] : [],
      },
    ];
  },
});
