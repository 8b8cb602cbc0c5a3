/**
 * Where personhog's router sends a request, from the data category, the operation and (for
 * person-data reads) the consistency the caller asks for. The guide's routing column, as a function.
 */
import type { DataCategory } from "./tables";

export type Backend = "replica" | "leader";
export type Consistency = "eventual" | "strong";

export interface Route {
  readonly backend: Backend;
  /** The pool the replica service reads or writes with. */
  readonly pool: "replica_pool" | "primary_pool";
  readonly reason: string;
}

export function routeRequest(
  category: DataCategory,
  operation: "read" | "write",
  consistency: Consistency = "eventual",
): Route {
  if (category === "NonPersonData") {
    // The router always picks the replica service; the replica then reads the primary pool for a
    // strong read (pool_for_consistency) and writes through it.
    const primary = operation === "write" || consistency === "strong";
    return {
      backend: "replica",
      pool: primary ? "primary_pool" : "replica_pool",
      reason:
        "NonPersonData always goes to the replica service, whatever consistency is asked for.",
    };
  }
  if (operation === "write") {
    return {
      backend: "leader",
      pool: "primary_pool",
      reason: "PersonData writes always go to the leader.",
    };
  }
  return consistency === "strong"
    ? {
        backend: "leader",
        pool: "primary_pool",
        reason: "A strongly consistent PersonData read goes to the leader.",
      }
    : {
        backend: "replica",
        pool: "replica_pool",
        reason: "An eventually consistent PersonData read goes to the replica.",
      };
}

/** The guide's routing column, in words, generated from `routeRequest` so the two cannot drift. */
export function routingSummary(category: DataCategory): string {
  const eventual = routeRequest(category, "read", "eventual").backend;
  const strong = routeRequest(category, "read", "strong").backend;
  const write = routeRequest(category, "write").backend;
  if (eventual === strong && strong === write) return `All operations: ${write}.`;
  const reads = eventual === strong ? eventual : `${eventual} (eventual) or ${strong} (strong)`;
  return `Reads: ${reads}. Writes: ${write}.`;
}
