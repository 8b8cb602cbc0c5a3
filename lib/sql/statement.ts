/** Read or write, from the plan: DML shows as ModifyTable, and a locking read (FOR UPDATE/SHARE) as LockRows. */
import type { IndexedNode } from "./plan";
import { parentTable } from "./relations";

export type Operation = "select" | "insert" | "update" | "delete" | "merge";

export interface StatementKind {
  /** Locking reads count as writes: they take row locks on the primary. */
  readonly kind: "read" | "write";
  readonly operation: Operation;
  readonly locking: boolean;
  /** The table a DML statement writes, if any. */
  readonly target: string | null;
}

export function statementKind(nodes: readonly IndexedNode[]): StatementKind {
  const modify = nodes.find((e) => e.node["Node Type"] === "ModifyTable");
  const locking = nodes.some((e) => e.node["Node Type"] === "LockRows");
  if (modify) {
    const operation = (modify.node.Operation ?? "update").toLowerCase() as Operation;
    const relation = modify.node["Relation Name"];
    return { kind: "write", operation, locking, target: relation ? parentTable(relation) : null };
  }
  return { kind: locking ? "write" : "read", operation: "select", locking, target: null };
}
