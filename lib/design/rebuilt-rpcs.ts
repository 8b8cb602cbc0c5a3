/**
 * Existing personhog RPCs designed again in the workbench, as a user would enter them: the real
 * request and response fields and the query's shape, in plain SQL (the casts the real code writes
 * are the generators' job). They are not shipped fixtures: their names exist already, so the rules
 * refuse them as new RPCs. lib/generate/rebuilt-rpcs.test.ts compares what the generators make of
 * them with the real code, from ../shared/personhog/code-facts.md and the sources it cites.
 */
import { WORKED_EXAMPLE, field } from "./defaults";
import type { Design } from "./model";

const read: Design = { ...WORKED_EXAMPLE, target: "current" };

// Alike on purpose: each entry spells out a whole design, as a user would enter it.
export const REBUILT_RPCS: Readonly<Record<string, Design>> = {
  /** A person read that takes a distinct id list back: replica-served, STRONG allowed. */
  "get-distinct-ids-for-person": {
    ...read,
    rpcName: "GetDistinctIdsForPerson",
    domain: "person",
    tables: ["posthog_persondistinctid"],
    sql: "SELECT distinct_id, version FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = $2",
    request: [field("team_id", "int64"), field("person_id", "int64")],
    response: {
      kind: "new",
      fields: [field("distinct_ids", "DistinctIdWithVersion", { repeated: true })],
    },
  },
  /** A cross-team batch delete of non-person data, looped by the caller until it returns 0. */
  "delete-hash-key-overrides-by-teams": {
    ...read,
    rpcName: "DeleteHashKeyOverridesByTeams",
    domain: "feature_flag",
    tables: ["posthog_featureflaghashkeyoverride"],
    operation: "write",
    readOptions: false,
    batch: "batch-cross-team",
    sql: "DELETE FROM posthog_featureflaghashkeyoverride WHERE id IN (SELECT id FROM posthog_featureflaghashkeyoverride WHERE team_id = ANY($1) LIMIT $2 FOR UPDATE SKIP LOCKED)",
    request: [
      field("team_ids", "int64", { repeated: true }),
      field("batch_size", "int64", {
        comment: "Max rows to delete per call. Must be > 0 and <= 50000.",
      }),
    ],
    response: {
      kind: "new",
      fields: [
        field("deleted_count", "int64", {
          comment: "Number of rows deleted. 0 means no more rows to delete.",
        }),
      ],
    },
  },
  /**
   * A person write today's code leaves on the replica (primary pool, "a temporary measure"): a
   * team's persons deleted batch by batch, looped by the caller until it returns 0. The real
   * method selects the ids and deletes them in chunks; a design holds the one statement.
   */
  "delete-persons-batch-for-team": {
    ...read,
    rpcName: "DeletePersonsBatchForTeam",
    domain: "person",
    tables: ["posthog_person"],
    operation: "write",
    readOptions: false,
    batch: "batch-in-team",
    sql: "DELETE FROM posthog_person WHERE id IN (SELECT id FROM posthog_person WHERE team_id = $1 LIMIT $2)",
    request: [field("team_id", "int64"), field("batch_size", "int64")],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
    personWriteBackend: "replica",
  },
  /** A group type mapping read answered with the shared GroupTypeMappingsResponse. */
  "get-group-type-mappings-by-team-id": {
    ...read,
    rpcName: "GetGroupTypeMappingsByTeamId",
    domain: "group",
    tables: ["posthog_grouptypemapping"],
    sql: "SELECT id, team_id, project_id, group_type, group_type_index, name_singular, name_plural, to_jsonb(default_columns) AS default_columns, detail_dashboard_id, created_at FROM posthog_grouptypemapping WHERE team_id = $1",
    request: [field("team_id", "int64")],
    response: { kind: "shared", name: "GroupTypeMappingsResponse" },
  },
  /** A single group read answered with an optional Group; non-person data, STRONG allowed. */
  "get-group": {
    ...read,
    rpcName: "GetGroup",
    domain: "group",
    tables: ["posthog_group"],
    sql: "SELECT id, team_id, group_type_index, group_key, group_properties, created_at, properties_last_updated_at, properties_last_operation, version FROM posthog_group WHERE team_id = $1 AND group_type_index = $2 AND group_key = $3",
    request: [
      field("team_id", "int64"),
      field("group_type_index", "int32"),
      field("group_key", "string"),
    ],
    response: { kind: "new", fields: [field("group", "Group", { optional: true })] },
  },
  /** At most one mapping, found by the dashboard it details (two int4 columns bound from int64). */
  "get-group-type-mapping-by-dashboard-id": {
    ...read,
    rpcName: "GetGroupTypeMappingByDashboardId",
    domain: "group",
    tables: ["posthog_grouptypemapping"],
    sql: "SELECT id, team_id, project_id, group_type, group_type_index, name_singular, name_plural, to_jsonb(default_columns) AS default_columns, detail_dashboard_id, created_at FROM posthog_grouptypemapping WHERE team_id = $1 AND detail_dashboard_id = $2 ORDER BY id LIMIT 1",
    request: [field("team_id", "int64"), field("dashboard_id", "int64")],
    response: {
      kind: "new",
      fields: [field("mapping", "GroupTypeMapping", { optional: true })],
    },
  },
  /** A single-row write that answers whether it deleted anything: primary pool, no ReadOptions. */
  "delete-group-type-mapping": {
    ...read,
    rpcName: "DeleteGroupTypeMapping",
    domain: "group",
    tables: ["posthog_grouptypemapping"],
    operation: "write",
    readOptions: false,
    sql: "DELETE FROM posthog_grouptypemapping WHERE project_id = $1 AND group_type_index = $2",
    request: [field("project_id", "int64"), field("group_type_index", "int32")],
    response: { kind: "new", fields: [field("deleted", "bool")] },
  },
  /** A team's groups deleted batch by batch on the bulk primary pool, looped until it returns 0. */
  "delete-groups-batch-for-team": {
    ...read,
    rpcName: "DeleteGroupsBatchForTeam",
    domain: "group",
    tables: ["posthog_group"],
    operation: "write",
    readOptions: false,
    batch: "batch-in-team",
    sql: "DELETE FROM posthog_group WHERE id IN (SELECT id FROM posthog_group WHERE team_id = $1 LIMIT $2 FOR UPDATE SKIP LOCKED)",
    request: [field("team_id", "int64"), field("batch_size", "int64")],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
  },
  /**
   * A cohort check over a list of cohorts, answered with the shared CohortMembershipResponse. The
   * real method selects the matching cohort ids and answers every asked id, false for the others;
   * a design holds one statement, so this one selects the memberships found.
   */
  "check-cohort-membership": {
    ...read,
    rpcName: "CheckCohortMembership",
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    batch: "batch-in-team",
    sql: "SELECT cohort_id, true AS is_member FROM posthog_cohortpeople WHERE person_id = $1 AND cohort_id = ANY($2)",
    request: [field("person_id", "int64"), field("cohort_ids", "int64", { repeated: true })],
    response: { kind: "shared", name: "CohortMembershipResponse" },
  },
  /** A person read through its distinct id (a join), answered with the shared GetPersonResponse. */
  "get-person-by-distinct-id": {
    ...read,
    rpcName: "GetPersonByDistinctId",
    domain: "person",
    tables: ["posthog_person", "posthog_persondistinctid"],
    sql: "SELECT p.id, p.uuid, p.team_id, p.properties, p.created_at, p.version, p.is_identified FROM posthog_person p INNER JOIN posthog_persondistinctid d ON p.id = d.person_id AND p.team_id = d.team_id WHERE p.team_id = $1 AND d.distinct_id = $2 AND p.is_deleted = false AND d.is_deleted = false LIMIT 1",
    request: [field("team_id", "int64"), field("distinct_id", "string")],
    response: { kind: "shared", name: "GetPersonResponse" },
  },
  /**
   * Hash key overrides written for every person the distinct ids resolve to, crossed with every
   * flag key. The real statement also skips deleted persons and keeps keys a concurrent write set.
   */
  "upsert-hash-key-overrides": {
    ...read,
    rpcName: "UpsertHashKeyOverrides",
    domain: "feature_flag",
    tables: ["posthog_featureflaghashkeyoverride", "posthog_persondistinctid"],
    categoryOverride: "NonPersonData",
    operation: "write",
    readOptions: false,
    batch: "batch-in-team",
    sql: "INSERT INTO posthog_featureflaghashkeyoverride (team_id, person_id, feature_flag_key, hash_key) SELECT d.team_id, d.person_id, k.key, $3 FROM posthog_persondistinctid d CROSS JOIN unnest($4::text[]) AS k(key) WHERE d.team_id = $1 AND d.distinct_id = ANY($2) ON CONFLICT DO NOTHING",
    request: [
      field("team_id", "int64"),
      field("distinct_ids", "string", { repeated: true }),
      field("hash_key", "string"),
      field("feature_flag_keys", "string", { repeated: true }),
    ],
    response: { kind: "new", fields: [field("inserted_count", "int64")] },
  },
  /** A cohort count over a list of cohorts: NonPersonData, zero at once for an empty list. */
  "count-cohort-members": {
    ...read,
    rpcName: "CountCohortMembers",
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    batch: "batch-in-team",
    sql: "SELECT COUNT(*) AS count FROM posthog_cohortpeople WHERE cohort_id = ANY($1)",
    request: [field("cohort_ids", "int64", { repeated: true })],
    response: { kind: "new", fields: [field("count", "int64")] },
  },
  /** One membership removed on the primary pool, answering whether it existed. */
  "delete-cohort-member": {
    ...read,
    rpcName: "DeleteCohortMember",
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    operation: "write",
    readOptions: false,
    sql: "DELETE FROM posthog_cohortpeople WHERE cohort_id = $1 AND person_id = $2",
    request: [field("cohort_id", "int64"), field("person_id", "int64")],
    response: { kind: "new", fields: [field("deleted", "bool")] },
  },
  /**
   * Memberships of a list of cohorts deleted batch by batch on the bulk primary pool, with an int32
   * batch_size whose cap (10000) the handler checks.
   */
  "delete-cohort-members-bulk": {
    ...read,
    rpcName: "DeleteCohortMembersBulk",
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    operation: "write",
    readOptions: false,
    batch: "batch-cross-team",
    sql: "DELETE FROM posthog_cohortpeople WHERE id IN (SELECT id FROM posthog_cohortpeople WHERE cohort_id = ANY($1) LIMIT $2)",
    request: [
      field("cohort_ids", "int64", { repeated: true }),
      field("batch_size", "int32", {
        comment: "Max rows to delete per call. Must be > 0 and <= 10000.",
      }),
    ],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
  },
  /** A project's group type mappings, answered with the shared GroupTypeMappingsResponse. */
  "get-group-type-mappings-by-project-id": {
    ...read,
    rpcName: "GetGroupTypeMappingsByProjectId",
    domain: "group",
    tables: ["posthog_grouptypemapping"],
    sql: "SELECT id, team_id, project_id, group_type, group_type_index, name_singular, name_plural, to_jsonb(default_columns) AS default_columns, detail_dashboard_id, created_at FROM posthog_grouptypemapping WHERE project_id = $1",
    request: [field("project_id", "int64")],
    response: { kind: "shared", name: "GroupTypeMappingsResponse" },
  },
  /** A team's group type mappings deleted batch by batch, looped by the caller until it returns 0. */
  "delete-group-type-mappings-batch-for-team": {
    ...read,
    rpcName: "DeleteGroupTypeMappingsBatchForTeam",
    domain: "group",
    tables: ["posthog_grouptypemapping"],
    operation: "write",
    readOptions: false,
    batch: "batch-in-team",
    sql: "DELETE FROM posthog_grouptypemapping WHERE id IN (SELECT id FROM posthog_grouptypemapping WHERE team_id = $1 LIMIT $2 FOR UPDATE SKIP LOCKED)",
    request: [field("team_id", "int64"), field("batch_size", "int64")],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
  },
  /** A person read by uuid: the string is compared with a uuid column, so Rust parses it first. */
  "get-person-by-uuid": {
    ...read,
    rpcName: "GetPersonByUuid",
    domain: "person",
    tables: ["posthog_person"],
    sql: "SELECT id, uuid, team_id, properties, created_at, version, is_identified FROM posthog_person WHERE team_id = $1 AND uuid = $2 AND is_deleted = false",
    request: [field("team_id", "int64"), field("uuid", "string")],
    response: { kind: "shared", name: "GetPersonResponse" },
  },
};
