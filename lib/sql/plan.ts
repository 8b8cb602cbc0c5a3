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
  readonly "Merge Cond"?: string;
  /** A Result's constant condition; "false" when the planner proved no row can match. */
  readonly "One-Time Filter"?: string;
  readonly "Sort Key"?: readonly string[];
  /** A grouped Aggregate's keys, as PostgreSQL prints them (`t.col` or `col`). */
  readonly "Group Key"?: readonly string[];
  readonly "Plan Rows"?: number;
  readonly "Total Cost"?: number;
  readonly Disabled?: boolean;
  readonly "Subplans Removed"?: number;
  readonly "Parent Relationship"?: string;
  readonly Operation?: string;
  /** An Aggregate's strategy: `Plain` folds every row into one. */
  readonly Strategy?: string;
  readonly Plans?: readonly PlanNode[];
}

export interface ExplainOutput {
  readonly Plan: PlanNode;
}

/** A node with its position: `id` is its depth-first (pre-order) index, shared with the plan view. */
export interface IndexedNode {
  readonly id: number;
  readonly node: PlanNode;
  readonly parent: IndexedNode | null;
  readonly depth: number;
}

export function indexPlan(root: PlanNode): IndexedNode[] {
  const out: IndexedNode[] = [];
  const visit = (node: PlanNode, parent: IndexedNode | null, depth: number) => {
    const entry: IndexedNode = { id: out.length, node, parent, depth };
    out.push(entry);
    for (const child of node.Plans ?? []) visit(child, entry, depth + 1);
  };
  visit(root, null, 0);
  return out;
}

export function ancestors(entry: IndexedNode): IndexedNode[] {
  const out: IndexedNode[] = [];
  for (let p = entry.parent; p; p = p.parent) out.push(p);
  return out;
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

export const APPEND_TYPES = new Set(["Append", "Merge Append"]);
