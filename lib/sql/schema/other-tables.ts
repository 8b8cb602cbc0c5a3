/**
 * The non-person personhog tables (groups, group types, cohort membership, hash-key overrides) and
 * the legacy person-override pair, as the persons migrations leave them today.
 *
 * Dropped indexes stay dropped (grouptypemapping's three dead indexes, personoverride's three
 * btrees and its GiST EXCLUDE constraint). With the EXCLUDE gone nothing needs btree_gist, so the
 * extension is not loaded: it would only slow the boot.
 *
 * Alike on purpose: each table is a TableSpec literal. The schema is data; written in TypeScript,
 * every column, index and key is checked against the types the DDL and the analysis read.
 */
import type { TableSpec } from "./types";
import { TEAM_REFERENCE, column as c } from "./column";

export const group: TableSpec = {
  name: "posthog_group",
  columns: [
    c("id", "integer", { notNull: true, identity: true }),
    c("group_key", "varchar(400)", { notNull: true }),
    c("group_type_index", "integer", { notNull: true }),
    c("group_properties", "jsonb", { notNull: true, default: "'{}'::jsonb" }),
    c("created_at", "timestamptz", { notNull: true }),
    c("properties_last_updated_at", "jsonb", { notNull: true, default: "'{}'::jsonb" }),
    c("properties_last_operation", "jsonb", { notNull: true, default: "'{}'::jsonb" }),
    c("version", "bigint", { notNull: true }),
    c("team_id", "integer", { notNull: true }),
  ],
  indexes: [
    { name: "posthog_group_pkey", kind: "primary", unique: true, columns: ["id"] },
    {
      name: "unique_team_group_key_group_type",
      kind: "unique-constraint",
      unique: true,
      columns: ["team_id", "group_key", "group_type_index"],
      note: "group_key comes before group_type_index: team_id + group_type_index alone uses only team_id.",
    },
    { name: "posthog_group_team_id_b3aed896", kind: "index", unique: false, columns: ["team_id"] },
  ],
  references: [
    TEAM_REFERENCE,
    {
      columns: ["group_type_index"],
      references: { table: "posthog_grouptypemapping", columns: ["group_type_index"] },
      why: "a mapping is keyed by project and index, and a group has no project_id",
    },
  ],
};

export const groupTypeMapping: TableSpec = {
  name: "posthog_grouptypemapping",
  columns: [
    c("id", "integer", { notNull: true, identity: true }),
    c("group_type", "varchar(400)", { notNull: true }),
    c("group_type_index", "integer", { notNull: true }),
    c("name_singular", "varchar(400)"),
    c("name_plural", "varchar(400)"),
    c("team_id", "integer", { notNull: true }),
    c("project_id", "bigint"),
    c("detail_dashboard_id", "integer"),
    c("default_columns", "text[]"),
    c("created_at", "timestamptz"),
  ],
  indexes: [
    { name: "posthog_grouptypemapping_pkey", kind: "primary", unique: true, columns: ["id"] },
    {
      name: "unique_group_type_index_for_project",
      kind: "unique-constraint",
      unique: true,
      columns: ["project_id", "group_type_index"],
    },
    {
      name: "unique_group_types_for_project",
      kind: "unique-constraint",
      unique: true,
      columns: ["project_id", "group_type"],
    },
    {
      name: "posthog_grouptypemapping_project_id_239c0515",
      kind: "index",
      unique: false,
      columns: ["project_id"],
      fewRowsPerKey: true,
    },
    {
      name: "posthog_grouptypemapping_team_id_5fb54d04",
      kind: "index",
      unique: false,
      columns: ["team_id"],
      fewRowsPerKey: true,
      note: "A team holds about six rows, which is why the detail_dashboard_id index was dropped.",
    },
  ],
  checks: [
    { name: "group_type_index_is_less_than_or_equal_4", expression: "group_type_index <= 4" },
    { name: "group_type_project_id_is_not_null", expression: "project_id IS NOT NULL" },
  ],
  references: [
    TEAM_REFERENCE,
    {
      columns: ["project_id"],
      references: { table: "posthog_project", columns: ["id"] },
      why: "projects live in the main database",
    },
  ],
  notes: ["No foreign keys: the dashboard table lives in the main database."],
};

export const cohortPeople: TableSpec = {
  name: "posthog_cohortpeople",
  columns: [
    c("id", "bigint", { notNull: true, identity: true }),
    c("version", "integer"),
    c("cohort_id", "integer", { notNull: true }),
    c("person_id", "bigint", { notNull: true }),
  ],
  indexes: [
    { name: "posthog_cohortpeople_pkey", kind: "primary", unique: true, columns: ["id"] },
    {
      name: "posthog_cohortpeople_cohort_id_person_id_uniq",
      kind: "index",
      unique: true,
      columns: ["cohort_id", "person_id"],
    },
    {
      name: "posthog_coh_cohort__89c25f_idx",
      kind: "index",
      unique: false,
      columns: ["cohort_id", "person_id"],
      note: "Redundant now that the unique index exists.",
    },
    {
      name: "posthog_cohortpeople_cohort_id_1f371733",
      kind: "index",
      unique: false,
      columns: ["cohort_id"],
    },
    {
      name: "posthog_cohortpeople_person_id_33da7d3f",
      kind: "index",
      unique: false,
      columns: ["person_id"],
    },
  ],
  references: [
    {
      columns: ["person_id"],
      references: { table: "posthog_person", columns: ["id"] },
      why: "the foreign key was dropped (hobby installs keep it)",
    },
    {
      columns: ["cohort_id"],
      references: { table: "posthog_cohort", columns: ["id"] },
      why: "cohorts live in the main database",
    },
  ],
  notes: [
    "No team_id column: cohort queries cannot be scoped by team.",
    "cohort_id is bigint in prod-US and integer elsewhere; cast to bigint in queries.",
  ],
};

export const hashKeyOverride: TableSpec = {
  name: "posthog_featureflaghashkeyoverride",
  columns: [
    c("id", "integer", { notNull: true, identity: true }),
    c("feature_flag_key", "varchar(400)", { notNull: true }),
    c("hash_key", "varchar(400)", { notNull: true }),
    c("person_id", "bigint", { notNull: true }),
    c("team_id", "integer", { notNull: true }),
  ],
  indexes: [
    {
      name: "posthog_featureflaghashkeyoverride_pkey",
      kind: "primary",
      unique: true,
      columns: ["id"],
    },
    {
      name: "unique_hash_key_for_user_team_feature_flag",
      kind: "unique-constraint",
      unique: true,
      columns: ["team_id", "person_id", "feature_flag_key"],
    },
    {
      name: "posthog_featureflaghashkeyoverride_person_id_7e517f7c",
      kind: "index",
      unique: false,
      columns: ["person_id"],
    },
    {
      name: "posthog_featureflaghashkeyoverride_team_id_b626eed2",
      kind: "index",
      unique: false,
      columns: ["team_id"],
    },
  ],
  foreignKeys: [
    {
      name: "posthog_featureflagh_person_id_7e517f7c_fk_posthog_p",
      columns: ["team_id", "person_id"],
      references: { table: "posthog_person", columns: ["team_id", "id"] },
      options: "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID",
    },
  ],
  notes: [
    "The cascade exists in production but not in every migration-built database: delete overrides explicitly.",
  ],
};

export const personOverrideMapping: TableSpec = {
  name: "posthog_personoverridemapping",
  columns: [
    c("id", "integer", { notNull: true, identity: true }),
    c("uuid", "uuid", { notNull: true }),
    c("team_id", "bigint", { notNull: true }),
  ],
  indexes: [
    { name: "posthog_personoverridemapping_pkey", kind: "primary", unique: true, columns: ["id"] },
    { name: "unique_uuid", kind: "unique-constraint", unique: true, columns: ["team_id", "uuid"] },
  ],
  references: [TEAM_REFERENCE],
  notes: ["Legacy and unused; present because posthog_personoverride references it."],
};

export const personOverride: TableSpec = {
  name: "posthog_personoverride",
  columns: [
    c("id", "bigint", { notNull: true, identity: true }),
    c("oldest_event", "timestamptz", { notNull: true }),
    c("version", "bigint"),
    c("team_id", "bigint", { notNull: true }),
    c("old_person_id", "integer", { notNull: true }),
    c("override_person_id", "integer", { notNull: true }),
  ],
  indexes: [
    { name: "posthog_personoverride_pkey", kind: "primary", unique: true, columns: ["id"] },
    {
      name: "unique_override_per_old_person_id",
      kind: "unique-constraint",
      unique: true,
      columns: ["team_id", "old_person_id"],
    },
  ],
  references: [TEAM_REFERENCE],
  foreignKeys: [
    {
      name: "posthog_personoverride_old_person_id_fkey",
      columns: ["old_person_id"],
      references: { table: "posthog_personoverridemapping", columns: ["id"] },
    },
    {
      name: "posthog_personoverride_override_person_id_fkey",
      columns: ["override_person_id"],
      references: { table: "posthog_personoverridemapping", columns: ["id"] },
    },
  ],
  checks: [
    {
      name: "old_person_id_different_from_override_person_id",
      expression: "old_person_id <> override_person_id",
    },
  ],
  notes: [
    "Legacy and unused since the plugin-server override writer was removed.",
    "Its three single-column indexes and the GiST exclusion constraint were dropped; PostHog's own index reference still lists them.",
  ],
};
