/**
 * Designs that exercise every branch of the generators: the guide's worked example under both
 * targets, a batched group read by type, a leader-routed person write (which keeps the leader when
 * switched to the current target), a person delete the current target serves on the replica's
 * primary pool (the leader under the guide), and a cohort write.
 * Golden files and end-to-end tests use them.
 */
import { WORKED_EXAMPLE, field } from "./defaults";
import type { Design } from "./model";

// Alike on purpose: each fixture spells out a whole design, as a user would enter it.
export const DESIGN_FIXTURES: Readonly<Record<string, Design>> = {
  "worked-example-guide": { ...WORKED_EXAMPLE, target: "guide" },
  "worked-example-current": { ...WORKED_EXAMPLE, target: "current" },
  "group-read-current": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "ListGroupsByType",
    domain: "group",
    tables: ["posthog_group"],
    batch: "single",
    sql: "SELECT id, group_key, group_properties FROM posthog_group WHERE team_id = $1 AND group_type_index = $2 LIMIT $3",
    request: [
      field("team_id", "int64"),
      field("group_type_index", "int32"),
      field("limit", "int32", { comment: "Max 1000 per request." }),
    ],
    response: { kind: "shared", name: "GroupsResponse" },
  },
  "person-write-guide": {
    ...WORKED_EXAMPLE,
    target: "guide",
    rpcName: "SetPersonLastSeen",
    operation: "write",
    readOptions: false,
    batch: "single",
    sql: "UPDATE posthog_person SET last_seen_at = GREATEST(last_seen_at, $3) WHERE team_id = $1 AND id = $2",
    request: [
      field("team_id", "int64"),
      field("person_id", "int64"),
      field("last_seen_at_ms", "int64", { comment: "Epoch milliseconds." }),
    ],
    response: { kind: "new", fields: [field("updated", "bool")] },
    leaderSafety: { kind: "convergent", shape: "max-merge-floor" },
    personWriteBackend: "leader",
  },
  "person-delete-current": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "PurgeDeletedPerson",
    operation: "write",
    readOptions: false,
    batch: "single",
    sql: "DELETE FROM posthog_person WHERE team_id = $1 AND id = $2 AND is_deleted = true",
    // team_id and person_id: under the guide target the leader is found from them.
    request: [field("team_id", "int64"), field("person_id", "int64")],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
    leaderSafety: { kind: "convergent", shape: "tombstone-delete" },
    personWriteBackend: "replica",
  },
  "cohort-write-current": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "RemovePersonFromCohorts",
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    operation: "write",
    readOptions: false,
    batch: "batch-in-team",
    sql: "DELETE FROM posthog_cohortpeople WHERE person_id = $1 AND cohort_id = ANY($2)",
    request: [
      field("person_id", "int64"),
      field("cohort_ids", "int64", { repeated: true, comment: "Max 1000 per request." }),
    ],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
    nodeLayout: "common-operations",
  },
};
