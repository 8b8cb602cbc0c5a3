/**
 * A stand-in for personhog's proto package, enough for protobufjs to resolve what generated
 * messages reference: ReadOptions, the shared keys, the entity messages and the shared responses.
 * Written from the facts about PostHog's protos; field lists are trimmed to what resolution needs.
 */
export const STAND_IN_MESSAGES: Readonly<Record<string, string>> = {
  ReadOptions: "message ReadOptions { ConsistencyLevel consistency = 1; }",
  TeamDistinctId: "message TeamDistinctId { int64 team_id = 1; string distinct_id = 2; }",
  GroupKey:
    "message GroupKey { int64 team_id = 1; int32 group_type_index = 2; string group_key = 3; }",
  GroupIdentifier: "message GroupIdentifier { int32 group_type_index = 1; string group_key = 2; }",
  Person:
    "message Person { int64 id = 1; string uuid = 2; int64 team_id = 3; bytes properties = 4; }",
  DistinctIdWithVersion:
    "message DistinctIdWithVersion { string distinct_id = 1; optional int64 version = 2; }",
  Group:
    "message Group { int64 id = 1; int64 team_id = 2; int32 group_type_index = 3; string group_key = 4; }",
  GroupTypeMapping:
    "message GroupTypeMapping { int64 id = 1; string group_type = 2; int32 group_type_index = 3; }",
  CohortMembership: "message CohortMembership { int64 cohort_id = 1; bool is_member = 2; }",
  GetPersonResponse: "message GetPersonResponse { optional Person person = 1; }",
  PersonsResponse:
    "message PersonsResponse { repeated Person persons = 1; repeated int64 missing_ids = 2; }",
  GroupsResponse: "message GroupsResponse { repeated Group groups = 1; }",
  GroupTypeMappingsResponse:
    "message GroupTypeMappingsResponse { repeated GroupTypeMapping mappings = 1; }",
  GroupTypeMappingsBatchResponse:
    "message GroupTypeMappingsBatchResponse { repeated GroupTypeMapping mappings = 1; }",
  CohortMembershipResponse:
    "message CohortMembershipResponse { repeated CohortMembership memberships = 1; }",
};

export const STAND_IN_ENUMS =
  "enum ConsistencyLevel { CONSISTENCY_LEVEL_UNSPECIFIED = 0; CONSISTENCY_LEVEL_EVENTUAL = 1; CONSISTENCY_LEVEL_STRONG = 2; }";
