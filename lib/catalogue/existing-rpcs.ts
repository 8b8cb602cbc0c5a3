/**
 * RPCs PersonHogService already has (service.proto, newest version read: 49 RPCs), so a new name
 * cannot clash, and shared response messages a design may reuse.
 */
import type { Domain } from "./domains";

export const EXISTING_RPCS = [
  "GetPerson",
  "GetPersons",
  "GetPersonByUuid",
  "GetPersonsByUuids",
  "GetPersonByDistinctId",
  "GetPersonsByDistinctIdsInTeam",
  "GetPersonsByDistinctIds",
  "GetDistinctIdsForPerson",
  "GetDistinctIdsForPersons",
  "GetHashKeyOverrideContext",
  "UpsertHashKeyOverrides",
  "DeleteHashKeyOverridesByTeams",
  "CheckCohortMembership",
  "CountCohortMembers",
  "DeleteCohortMember",
  "DeleteCohortMembersBulk",
  "InsertCohortMembers",
  "ListCohortMemberIds",
  "GetGroup",
  "GetGroups",
  "GetGroupsBatch",
  "ListGroups",
  "GetGroupTypeMappingsByTeamId",
  "GetGroupTypeMappingsByTeamIds",
  "GetGroupTypeMappingsByProjectId",
  "GetGroupTypeMappingsByProjectIds",
  "GetGroupTypeMappingByDashboardId",
  "CountGroupTypeMappings",
  "CreateGroup",
  "UpdateGroup",
  "DeleteGroupsBatchForTeam",
  "UpdateGroupTypeMapping",
  "DeleteGroupTypeMapping",
  "DeleteGroupTypeMappingsBatchForTeam",
  "UpdatePersonProperties",
  "FencePerson",
  "ReleaseFence",
  "FoldPersonDocument",
  "DeletePersons",
  "DeletePersonsBatchForTeam",
  "DeleteTombstonedPersons",
  "SplitPerson",
  "SetPersonDistinctIdVersionFloor",
  "SetPersonVersionFloor",
  "FencePersons",
  "ReleaseFences",
  "GetPersonTombstones",
  "AckPersonTombstones",
  "ListPersonTombstoneQueue",
] as const;

/** The current router forwards these to the leader by name (era C `proxy.rs` match arms). */
export const LEADER_METHODS = [
  "FencePerson",
  "FencePersons",
  "FoldPersonDocument",
  "ReleaseFence",
  "ReleaseFences",
  "UpdatePersonProperties",
] as const;

/** Messages other RPCs already return; reusing one is allowed by PostHog's buf lint settings. */
export const SHARED_RESPONSES: Readonly<
  Record<string, { readonly domain: Domain; readonly holds: string }>
> = {
  GetPersonResponse: { domain: "person", holds: "optional Person person = 1" },
  PersonsResponse: { domain: "person", holds: "repeated Person persons = 1 (and missing ids)" },
  GroupsResponse: { domain: "group", holds: "repeated Group groups = 1" },
  GroupTypeMappingsResponse: { domain: "group", holds: "repeated GroupTypeMapping mappings = 1" },
  GroupTypeMappingsBatchResponse: { domain: "group", holds: "mappings per team or project" },
  CohortMembershipResponse: {
    domain: "cohort",
    holds: "repeated CohortMembership memberships = 1",
  },
};

/** Message types a field may use, besides scalars: each lives in a domain file. */
export const KNOWN_MESSAGES: Readonly<Record<string, Domain>> = {
  Person: "person",
  DistinctId: "person",
  Group: "group",
  GroupTypeMapping: "group",
  CohortMembership: "cohort",
  TeamDistinctId: "common",
  GroupKey: "common",
  GroupIdentifier: "common",
};
