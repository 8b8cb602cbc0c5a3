/** The parts of PostgreSQL's EXPLAIN (FORMAT JSON) output that the analysis reads. */

export interface PlanNode {
  readonly "Node Type": string;
  readonly "Relation Name"?: string;
  readonly Alias?: string;
  readonly "Index Name"?: string;
  readonly "Index Cond"?: string;
  readonly "Recheck Cond"?: string;
  readonly Filter?: string;
  readonly "Join Filter"?: string;
  readonly "Hash Cond"?: string;
  readonly "Sort Key"?: readonly string[];
  readonly "Plan Rows"?: number;
  readonly "Total Cost"?: number;
  readonly Disabled?: boolean;
  readonly "Subplans Removed"?: number;
  readonly "Parent Relationship"?: string;
  readonly Operation?: string;
  readonly Plans?: readonly PlanNode[];
}

export interface ExplainOutput {
  readonly Plan: PlanNode;
}

/** Depth-first walk, handing each node its parent (null at the root). */
export function walkPlan(
  root: PlanNode,
  visit: (node: PlanNode, parent: PlanNode | null) => void,
  parent: PlanNode | null = null,
): void {
  visit(root, parent);
  for (const child of root.Plans ?? []) walkPlan(child, visit, root);
}

/** Node types that read a relation's rows. */
export const SCAN_TYPES = new Set([
  "Seq Scan",
  "Index Scan",
  "Index Only Scan",
  "Bitmap Heap Scan",
  "Tid Scan",
  "Tid Range Scan",
  "Sample Scan",
]);
