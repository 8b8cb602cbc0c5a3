/**
 * A recursive CTE (WITH RECURSIVE) repeats its recursive part until it returns no rows: how many
 * times depends on the data and on its own stop condition, which no index bounds and EXPLAIN
 * cannot judge (`SELECT n + 1 FROM r` never stops). The lab plans it without running it, so its
 * lookups can all pass while production loops: a reviewer must see that it ends, and ends small.
 */
import { STATEMENT_WIDE } from "./findings";
import { defineRule } from "./rule";

export const unboundedRecursion = defineRule({
  id: "unbounded-recursion",
  severity: "warning",
  scope: "plan-node",
  summary:
    "WITH RECURSIVE repeats until its recursive part returns nothing: no plan shows that it stops.",
  check(node) {
    if (node.node["Node Type"] !== "Recursive Union") return [];
    return [
      {
        ...STATEMENT_WIDE,
        table: null,
        message:
          "A recursive CTE repeats its recursive part until that returns no rows; the plan cannot show how often, and the lookups around it are judged as if it returned a few.",
        advice:
          "Bound the recursion in its own query (a depth column with `WHERE depth < n`, or a cap the request enforces), or fetch the rows in a loop the service bounds.",
        nodeIds: [node.id],
      },
    ];
  },
});
