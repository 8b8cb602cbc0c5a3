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
};
