/**
 * Facts every generator needs, derived once from a design so all languages agree: names in each
 * language, the data category, the route and the pool.
 */
import { DISTINCT_ID_LOOKUP, DOMAIN_FACTS, type DomainFacts } from "../catalogue/domains";
import { lowerCamel, snakeCase } from "../catalogue/naming";
import { CURRENT_PERSON_WRITE_ROUTES, routeRequest, type Route } from "../catalogue/routing";
import { personhogTable, type DataCategory } from "../catalogue/tables";
import type { Design } from "./model";

export interface Derived {
  readonly rpc: string;
  readonly snake: string;
  readonly camel: string;
  readonly requestMessage: string;
  readonly responseMessage: string;
  /** True when the response is a new message this design declares. */
  readonly newResponse: boolean;
  readonly domain: DomainFacts;
  /** PersonData/NonPersonData, or null while the tables do not decide it. */
  readonly category: DataCategory | null;
  readonly route: Route | null;
  /**
   * The write is served by the leader: a person write on the guide target, or on the current
   * target when the design chose the leader. Only these answer the at-least-once rule; every
   * generator, rule and view asks this one fact where the write goes.
   */
  readonly leaderWrite: boolean;
  /**
   * The other side of the same fact: a person write the replica serves on its primary pool, as
   * today's code does DeletePersons ("a temporary measure", with a TODO to move it to the leader).
   */
  readonly replicaPersonWrite: boolean;
  /** A person write on the current target, which asks where it is served (personWriteBackend). */
  readonly choosesPersonWriteSide: boolean;
  /**
   * A read of posthog_persondistinctid alone: person data the replica nevertheless serves at the
   * caller's consistency (STRONG from the primary pool), as its distinct-id lookups do.
   */
  readonly distinctIdRead: boolean;
}

/** Tables the design names that personhog does not serve. */
export function tablesOutside(design: Design): string[] {
  return design.tables.filter((t) => !personhogTable(t));
}

/** True when the design's personhog tables span both data categories. */
export function mixedCategories(design: Design): boolean {
  return new Set(design.tables.map((t) => personhogTable(t)?.category).filter(Boolean)).size > 1;
}

/** The tables' category; mixed or unknown tables need the design's explicit choice. */
export function designCategory(design: Design): DataCategory | null {
  if (design.categoryOverride) return design.categoryOverride;
  const categories = new Set(design.tables.map((t) => personhogTable(t)?.category));
  if (categories.size !== 1 || categories.has(undefined)) return null;
  return [...categories][0] ?? null;
}

/**
 * Whether the leader serves this design's write, for a category (rustPlan passes the PersonData it
 * assumes while the tables do not decide). On the current target a person write is the replica's
 * (primary pool, "a temporary measure") unless the design chose the leader.
 */
export function servedByLeader(design: Design, category: DataCategory | null): boolean {
  if (category !== "PersonData" || design.operation !== "write") return false;
  return design.target === "guide" || design.personWriteBackend === "leader";
}

export function derive(design: Design): Derived {
  const rpc = design.rpcName;
  const category = designCategory(design);
  const distinctIdRead =
    design.operation === "read" &&
    design.tables.length === 1 &&
    design.tables[0] === "posthog_persondistinctid";
  const leaderWrite = servedByLeader(design, category);
  const personWrite = category === "PersonData" && design.operation === "write";
  const choosesPersonWriteSide = personWrite && design.target === "current";
  const route = !category
    ? null
    : choosesPersonWriteSide
      ? CURRENT_PERSON_WRITE_ROUTES[design.personWriteBackend]
      : routeRequest(category, design.operation, design.consistency);
  return {
    rpc,
    snake: snakeCase(rpc),
    camel: lowerCamel(rpc),
    requestMessage: `${rpc}Request`,
    responseMessage: design.response.kind === "shared" ? design.response.name : `${rpc}Response`,
    newResponse: design.response.kind === "new",
    domain: distinctIdRead ? DISTINCT_ID_LOOKUP : DOMAIN_FACTS[design.domain],
    category,
    route,
    leaderWrite,
    replicaPersonWrite: personWrite && !leaderWrite,
    choosesPersonWriteSide,
    distinctIdRead,
  };
}
