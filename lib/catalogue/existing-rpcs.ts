/**
 * RPCs PersonHogService already has (service.proto, newest version read: 49 RPCs) by comment group,
 * what kind of request each one is, and shared response messages a design may reuse.
 */
import type { Domain } from "./domains";
import type { DataCategory } from "./tables";

/**
 * The RPCs PersonHogService already has, by the comment groups of service.proto (newest version
 * read: 49 RPCs, in file order), each group with its domain: so a new name cannot clash, and a new
 * RPC joins its group (`rpcGroup` in lib/generate/proto.ts). Every file apply edits keeps an RPC's
 * code beside its group's (handlers, traits, mocks, client methods, SERVICE_DEFAULTS), whatever
 * its headings say or whether it has any: apply finds a group's place by these names. The
 * leader's groups (property updates, fences) and the last replica writes are per feature: a new
 * RPC joins none of them.
 */
export const RPC_GROUPS = {
  "Person lookups by ID": {
    domain: "person",
    rpcs: ["GetPerson", "GetPersons", "GetPersonByUuid", "GetPersonsByUuids"],
  },
  "Person lookups by distinct ID": {
    domain: "person",
    rpcs: ["GetPersonByDistinctId", "GetPersonsByDistinctIdsInTeam", "GetPersonsByDistinctIds"],
  },
  "Distinct ID operations": {
    domain: "person",
    rpcs: ["GetDistinctIdsForPerson", "GetDistinctIdsForPersons"],
  },
  "Feature flag hash key override support": {
    domain: "feature_flag",
    rpcs: ["GetHashKeyOverrideContext", "UpsertHashKeyOverrides", "DeleteHashKeyOverridesByTeams"],
  },
  "Cohort membership": {
    domain: "cohort",
    rpcs: [
      "CheckCohortMembership",
      "CountCohortMembers",
      "DeleteCohortMember",
      "DeleteCohortMembersBulk",
      "InsertCohortMembers",
      "ListCohortMemberIds",
    ],
  },
  Groups: { domain: "group", rpcs: ["GetGroup", "GetGroups", "GetGroupsBatch", "ListGroups"] },
  "Group type mappings": {
    domain: "group",
    rpcs: [
      "GetGroupTypeMappingsByTeamId",
      "GetGroupTypeMappingsByTeamIds",
      "GetGroupTypeMappingsByProjectId",
      "GetGroupTypeMappingsByProjectIds",
      "GetGroupTypeMappingByDashboardId",
      "CountGroupTypeMappings",
    ],
  },
  "Group writes": {
    domain: "group",
    rpcs: ["CreateGroup", "UpdateGroup", "DeleteGroupsBatchForTeam"],
  },
  "Group type mapping writes": {
    domain: "group",
    rpcs: [
      "UpdateGroupTypeMapping",
      "DeleteGroupTypeMapping",
      "DeleteGroupTypeMappingsBatchForTeam",
    ],
  },
  "Person property updates (routed to leader)": {
    domain: "person",
    rpcs: ["UpdatePersonProperties"],
  },
  "Lifecycle fence RPCs (routed to leader)": {
    domain: "person",
    rpcs: ["FencePerson", "FencePersons", "ReleaseFence", "ReleaseFences", "FoldPersonDocument"],
  },
  "Person deletes": {
    domain: "person",
    rpcs: [
      "DeletePersons",
      "DeletePersonsBatchForTeam",
      "DeleteTombstonedPersons",
      "GetPersonTombstones",
      "AckPersonTombstones",
      "ListPersonTombstoneQueue",
    ],
  },
  "Person split": { domain: "person", rpcs: ["SplitPerson"] },
  "Undelete repair version resets": {
    domain: "person",
    rpcs: ["SetPersonDistinctIdVersionFloor", "SetPersonVersionFloor"],
  },
} as const satisfies Readonly<
  Record<string, { readonly domain: Domain; readonly rpcs: readonly string[] }>
>;
export type RpcGroup = keyof typeof RPC_GROUPS;

/** Every RPC PersonHogService already has, in service.proto's order. */
export const EXISTING_RPCS = Object.values(RPC_GROUPS).flatMap((g) => g.rpcs);
export type ExistingRpc = (typeof EXISTING_RPCS)[number];

/** The RPCs already in a group (none for a name that is not one of ours). */
export const rpcGroupMembers = (group: string | null): readonly ExistingRpc[] =>
  group !== null && Object.hasOwn(RPC_GROUPS, group) ? RPC_GROUPS[group as RpcGroup].rpcs : [];

/**
 * The RPCs of the groups of the same domain that service.proto lists before this one: where a
 * group goes in a checkout that has none of its own RPCs yet (a mapping read after the group reads).
 */
export function rpcEarlierKin(group: string | null): readonly ExistingRpc[] {
  if (group === null || !Object.hasOwn(RPC_GROUPS, group)) return [];
  const groups = Object.entries(RPC_GROUPS);
  const at = groups.findIndex(([name]) => name === group);
  const { domain } = groups[at]![1];
  return groups.slice(0, at).flatMap(([, g]) => (g.domain === domain ? g.rpcs : []));
}

export interface RpcKind {
  readonly category: DataCategory;
  readonly operation: "read" | "write";
}

const PERSON_READ: RpcKind = { category: "PersonData", operation: "read" };
const PERSON_WRITE: RpcKind = { category: "PersonData", operation: "write" };
const OTHER_READ: RpcKind = { category: "NonPersonData", operation: "read" };
const OTHER_WRITE: RpcKind = { category: "NonPersonData", operation: "write" };

/**
 * Each existing RPC's data category and operation, as the typed router and service.proto's
 * comment groups file them. The hash-key override context reads distinct ids yet is NonPersonData:
 * the code classifies by the RPC's purpose (feature flags), not by the tables it joins.
 */
export const EXISTING_RPC_KINDS: Readonly<Record<ExistingRpc, RpcKind>> = {
  GetPerson: PERSON_READ,
  GetPersons: PERSON_READ,
  GetPersonByUuid: PERSON_READ,
  GetPersonsByUuids: PERSON_READ,
  GetPersonByDistinctId: PERSON_READ,
  GetPersonsByDistinctIdsInTeam: PERSON_READ,
  GetPersonsByDistinctIds: PERSON_READ,
  GetDistinctIdsForPerson: PERSON_READ,
  GetDistinctIdsForPersons: PERSON_READ,
  GetHashKeyOverrideContext: OTHER_READ,
  UpsertHashKeyOverrides: OTHER_WRITE,
  DeleteHashKeyOverridesByTeams: OTHER_WRITE,
  CheckCohortMembership: OTHER_READ,
  CountCohortMembers: OTHER_READ,
  DeleteCohortMember: OTHER_WRITE,
  DeleteCohortMembersBulk: OTHER_WRITE,
  InsertCohortMembers: OTHER_WRITE,
  ListCohortMemberIds: OTHER_READ,
  GetGroup: OTHER_READ,
  GetGroups: OTHER_READ,
  GetGroupsBatch: OTHER_READ,
  ListGroups: OTHER_READ,
  GetGroupTypeMappingsByTeamId: OTHER_READ,
  GetGroupTypeMappingsByTeamIds: OTHER_READ,
  GetGroupTypeMappingsByProjectId: OTHER_READ,
  GetGroupTypeMappingsByProjectIds: OTHER_READ,
  GetGroupTypeMappingByDashboardId: OTHER_READ,
  CountGroupTypeMappings: OTHER_READ,
  CreateGroup: OTHER_WRITE,
  UpdateGroup: OTHER_WRITE,
  DeleteGroupsBatchForTeam: OTHER_WRITE,
  UpdateGroupTypeMapping: OTHER_WRITE,
  DeleteGroupTypeMapping: OTHER_WRITE,
  DeleteGroupTypeMappingsBatchForTeam: OTHER_WRITE,
  UpdatePersonProperties: PERSON_WRITE,
  FencePerson: PERSON_WRITE,
  ReleaseFence: PERSON_WRITE,
  FoldPersonDocument: PERSON_WRITE,
  DeletePersons: PERSON_WRITE,
  DeletePersonsBatchForTeam: PERSON_WRITE,
  DeleteTombstonedPersons: PERSON_WRITE,
  SplitPerson: PERSON_WRITE,
  SetPersonDistinctIdVersionFloor: PERSON_WRITE,
  SetPersonVersionFloor: PERSON_WRITE,
  FencePersons: PERSON_WRITE,
  ReleaseFences: PERSON_WRITE,
  GetPersonTombstones: PERSON_READ,
  AckPersonTombstones: PERSON_WRITE,
  ListPersonTombstoneQueue: PERSON_READ,
};

/**
 * Today's router (the raw byte proxy) forwards these to the leader by name, one match arm each;
 * every other method takes the replica arm (GetPerson goes to the leader only on a strong read:
 * routing.ts).
 */
export const LEADER_METHODS = [
  "FencePerson",
  "FencePersons",
  "FoldPersonDocument",
  "ReleaseFence",
  "ReleaseFences",
  "UpdatePersonProperties",
] as const satisfies readonly ExistingRpc[];

/** Messages other RPCs already return; reusing one is allowed by PostHog's buf lint settings. */
export const SHARED_RESPONSES: Readonly<
  Record<
    string,
    {
      readonly domain: Domain;
      readonly holds: string;
      /** The field holding the records callers want, when they are Persons or Groups. */
      readonly records?: {
        readonly name: string;
        readonly type: string;
        readonly repeated: boolean;
      };
    }
  >
> = {
  GetPersonResponse: {
    domain: "person",
    holds: "optional Person person = 1",
    records: { name: "person", type: "Person", repeated: false },
  },
  PersonsResponse: {
    domain: "person",
    holds: "repeated Person persons = 1 (and missing ids)",
    records: { name: "persons", type: "Person", repeated: true },
  },
  GroupsResponse: {
    domain: "group",
    holds: "repeated Group groups = 1",
    records: { name: "groups", type: "Group", repeated: true },
  },
  GroupTypeMappingsResponse: { domain: "group", holds: "repeated GroupTypeMapping mappings = 1" },
  GroupTypeMappingsBatchResponse: { domain: "group", holds: "mappings per team or project" },
  CohortMembershipResponse: {
    domain: "cohort",
    holds: "repeated CohortMembership memberships = 1",
  },
};

/**
 * Messages the replica's handlers build field by field from a storage row of the same field names
 * (get_distinct_ids_for_person, check_cohort_membership); Person, Group and GroupTypeMapping have
 * `From` impls instead (src/service/types).
 */
export const BUILT_INLINE: Readonly<Record<string, readonly string[]>> = {
  DistinctIdWithVersion: ["distinct_id", "version"],
  CohortMembership: ["cohort_id", "is_member"],
};

/** Message types a field may use, besides scalars: each lives in a domain file. */
export const KNOWN_MESSAGES: Readonly<Record<string, Domain>> = {
  Person: "person",
  DistinctIdWithVersion: "person",
  Group: "group",
  GroupTypeMapping: "group",
  CohortMembership: "cohort",
  TeamDistinctId: "common",
  GroupKey: "common",
  GroupIdentifier: "common",
};
