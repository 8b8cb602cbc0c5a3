/**
 * Where personhog's router sends a request, in each of the two code layouts the guide speaks of.
 * `routeRequest` is the written guide's rule (by data category, operation and consistency);
 * `currentRoute` is today's raw proxy, which routes existing RPCs by name. The guide's routing
 * tables and sentences are rendered from these (lib/content), so they cannot drift apart.
 */
import {
  EXISTING_RPC_KINDS,
  EXISTING_RPCS,
  LEADER_METHODS,
  type ExistingRpc,
} from "./existing-rpcs";
import type { DataCategory } from "./tables";

export type Backend = "replica" | "leader";
export type Consistency = "eventual" | "strong";
export type Pool = "replica_pool" | "primary_pool";

/** The two code layouts; the generators' targets carry the same names. */
export const LAYOUTS = ["guide", "current"] as const;
export type Layout = (typeof LAYOUTS)[number];
/** How the guide names each layout in its text (tests look for these words). */
export const LAYOUT_NAMES: Readonly<Record<Layout, string>> = {
  guide: "the written guide's layout",
  current: "today's code",
};

export interface Route {
  readonly backend: Backend;
  /** The pool the replica service reads or writes with. */
  readonly pool: Pool;
  readonly reason: string;
}

/** The written guide's rule: by data category, operation and, for person reads, consistency. */
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

/**
 * Where today's code serves a new person write, by the side the design chose: the replica on its
 * primary pool, as for the person writes the router names no leader arm for (DeletePersons,
 * SplitPerson, the version floors), or the leader through a match arm of its own.
 */
export const CURRENT_PERSON_WRITE_ROUTES: Readonly<Record<Backend, Route>> = {
  replica: {
    backend: "replica",
    pool: "primary_pool",
    reason:
      "Today's code serves this person write on the replica's primary pool as a temporary measure, as it does DeletePersons and SplitPerson (TODO in service.proto: migrate it to the leader).",
  },
  leader: {
    backend: "leader",
    pool: "primary_pool",
    reason:
      "A match arm in today's router sends this person write to the partition's leader, as it does UpdatePersonProperties and the fences.",
  },
};

/** The guide's routing column, in words, generated from `routeRequest` so the two cannot drift. */
export function routingSummary(category: DataCategory): string {
  const eventual = routeRequest(category, "read", "eventual").backend;
  const strong = routeRequest(category, "read", "strong").backend;
  const write = routeRequest(category, "write").backend;
  if (eventual === strong && strong === write) return `All operations: ${write}.`;
  const reads = eventual === strong ? eventual : `${eventual} (eventual) or ${strong} (strong)`;
  return `Reads: ${reads}. Writes: ${write}.`;
}

/** Person reads today's proxy sends to the leader when the `x-read-consistency` header is strong. */
export const STRONG_READ_LEADER_METHODS = ["GetPerson"] as const satisfies readonly ExistingRpc[];

/**
 * Person reads the replica serves at STRONG itself, from its primary pool, where other person reads
 * refuse it (reject_strong_consistency answers FAILED_PRECONDITION).
 */
export const STRONG_READ_REPLICA_PERSON_READS = [
  "GetDistinctIdsForPerson",
  "GetDistinctIdsForPersons",
] as const satisfies readonly ExistingRpc[];

/** What today's code does with one request: a backend and a pool, or a refusal. */
export type CurrentRoute =
  | { readonly served: true; readonly backend: Backend; readonly pool: Pool | null }
  | { readonly served: false; readonly code: "FAILED_PRECONDITION" };

const has = (list: readonly string[], rpc: string) => list.includes(rpc);

/**
 * Where today's router sends an existing RPC: the proxy matches leader methods by name (GetPerson
 * only when the read is strong) and forwards everything else to the replica, which picks the pool
 * or refuses a strong person read. The leader keeps no pool of ours, so its pool is null.
 */
export function currentRoute(
  rpc: ExistingRpc,
  consistency: Consistency = "eventual",
): CurrentRoute {
  const { category, operation } = EXISTING_RPC_KINDS[rpc];
  if (has(LEADER_METHODS, rpc)) return { served: true, backend: "leader", pool: null };
  if (operation === "write") return { served: true, backend: "replica", pool: "primary_pool" };
  if (consistency === "eventual") return { served: true, backend: "replica", pool: "replica_pool" };
  if (category === "NonPersonData" || has(STRONG_READ_REPLICA_PERSON_READS, rpc))
    return { served: true, backend: "replica", pool: "primary_pool" };
  if (has(STRONG_READ_LEADER_METHODS, rpc)) return { served: true, backend: "leader", pool: null };
  return { served: false, code: "FAILED_PRECONDITION" };
}

/** Existing RPCs of one kind, in service.proto's order. */
export function existingRpcsOf(category: DataCategory, operation: "read" | "write"): ExistingRpc[] {
  return EXISTING_RPCS.filter((rpc) => {
    const kind = EXISTING_RPC_KINDS[rpc];
    return kind.category === category && kind.operation === operation;
  });
}

/** Person writes today's router leaves on the replica, which runs them on its primary pool. */
export function replicaPersonWrites(): ExistingRpc[] {
  return existingRpcsOf("PersonData", "write").filter((rpc) => {
    const route = currentRoute(rpc);
    return route.served && route.backend === "replica";
  });
}

const names = (list: readonly string[]) =>
  list.length <= 1 ? list.join("") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;

/** Today's routing of a category's existing RPCs, in words, for the eligibility table. */
export function currentRoutingSummary(category: DataCategory): string {
  const rpcs = [...existingRpcsOf(category, "read"), ...existingRpcsOf(category, "write")];
  const where = (rpc: ExistingRpc, consistency: Consistency) => {
    const route = currentRoute(rpc, consistency);
    return route.served ? route.backend : "refused";
  };
  if (
    rpcs.every((rpc) => where(rpc, "eventual") === "replica" && where(rpc, "strong") === "replica")
  )
    return "All operations: replica.";
  const reads = existingRpcsOf(category, "read");
  const strong = (backend: "leader" | "replica" | "refused") =>
    reads.filter((rpc) => where(rpc, "strong") === backend);
  const writes = existingRpcsOf(category, "write");
  const writesTo = (backend: Backend) => writes.filter((rpc) => where(rpc, "eventual") === backend);
  return (
    `Reads: replica; a strong read goes to the leader for ${names(strong("leader"))}, ` +
    `is served by the replica for ${names(strong("replica"))} and refused for the other ` +
    `${strong("refused").length}. Writes: leader for ${writesTo("leader").length} methods the ` +
    `router names, replica for the other ${writesTo("replica").length}.`
  );
}
