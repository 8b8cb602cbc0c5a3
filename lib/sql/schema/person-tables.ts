/**
 * posthog_person, posthog_persondistinctid and posthog_personlessdistinctid as the persons
 * migrations build them today (migration-built environment: dev, CI, new clusters).
 *
 * Choices where sources disagree:
 * - (team_id, uuid) is UNIQUE: the newest code (ON CONFLICT (team_id, uuid) in personhog-identity,
 *   the hobby migration) needs it, and production has it under another name. Never name it in SQL.
 * - The covering (team_id, uuid) INCLUDE (id) index is kept non-unique; uniqueness comes from above.
 * - Of the three competing person-side distinct-id indexes only the newest (…_person_lookup_idx) is
 *   built: its own comment says the two earlier ones had not landed.
 * - posthog_person.check_properties_size lives only on the old unpartitioned table, so it is absent.
 *
 * Alike on purpose: each table is a TableSpec literal. The schema is data; written in TypeScript,
 * every column, index and key is checked against the types the DDL and the analysis read.
 */
import type { TableSpec } from "./types";
import { TEAM_REFERENCE, column as c } from "./column";

const PERSON_PARTITIONS = 64;

export const person: TableSpec = {
  name: "posthog_person",
  partitions: { key: "team_id", count: PERSON_PARTITIONS },
  columns: [
    c("id", "bigint", { notNull: true, default: "nextval('posthog_person_id_seq')" }),
    c("created_at", "timestamptz", { notNull: true }),
    c("properties_last_updated_at", "jsonb"),
    c("properties_last_operation", "jsonb"),
    c("properties", "jsonb", { notNull: true, default: "'{}'::jsonb" }),
    c("is_identified", "boolean", { notNull: true, default: "false" }),
    c("uuid", "uuid", { notNull: true }),
    c("version", "bigint"),
    c("is_user_id", "integer"),
    c("team_id", "integer", { notNull: true }),
    c("last_seen_at", "timestamptz"),
    ...[0, 1, 2, 3, 4].map((i) =>
      c(`group_${i}_key`, "varchar(400)", { notNull: true, default: "''" }),
    ),
    c("is_deleted", "boolean", { notNull: true, default: "false" }),
    c("merged_into_id", "bigint"),
  ],
  indexes: [
    {
      name: "posthog_person_new_pkey",
      kind: "primary",
      unique: true,
      columns: ["team_id", "id"],
      note: "Keeps its pre-rename name: renaming the table did not rename the constraint.",
    },
    {
      name: "posthog_person_new_uuid_idx",
      kind: "index",
      unique: true,
      columns: ["team_id", "uuid"],
      note: "Production calls this index posthog_person_team_id_uuid_uniq; never name it in a query or migration.",
    },
    {
      name: "posthog_person_team_id_uuid_covering_idx",
      kind: "index",
      unique: false,
      columns: ["team_id", "uuid"],
      include: ["id"],
      note: "Makes uuid → id resolution index-only.",
    },
    {
      name: "posthog_person_p{N}_id_idx",
      kind: "index",
      unique: false,
      columns: ["id"],
      perPartition: true,
      note: "Only on each partition: a lookup by id without team_id probes all 64 partitions.",
    },
    {
      name: "posthog_person_merged_into_idx",
      kind: "index",
      unique: false,
      columns: ["merged_into_id"],
      where: "merged_into_id IS NOT NULL",
      note: "Serves walks along merge pointers.",
    },
  ],
  references: [
    TEAM_REFERENCE,
    {
      columns: ["merged_into_id"],
      references: { table: "posthog_person", columns: ["id"] },
      why: "no constraint was ever added",
    },
  ],
  notes: [
    `Hash-partitioned on team_id into ${PERSON_PARTITIONS} partitions (posthog_person_p0 … p63): a constant team_id prunes to one partition.`,
    "Hobby installs keep the unpartitioned table with a primary key on (id) and Django-named indexes.",
  ],
};

export const personDistinctId: TableSpec = {
  name: "posthog_persondistinctid",
  columns: [
    c("id", "bigint", { notNull: true, identity: true }),
    c("distinct_id", "varchar(400)", { notNull: true }),
    c("version", "bigint"),
    c("person_id", "bigint", { notNull: true }),
    c("team_id", "integer", { notNull: true }),
    c("is_deleted", "boolean", { notNull: true, default: "false" }),
  ],
  indexes: [
    { name: "posthog_persondistinctid_pkey", kind: "primary", unique: true, columns: ["id"] },
    {
      name: "unique_distinct_id_for_team",
      kind: "unique-constraint",
      unique: true,
      columns: ["team_id", "distinct_id"],
      note: 'Covers tombstones too, on purpose. Django-built databases name it "unique distinct_id for team".',
    },
    {
      name: "posthog_persondistinctid_person_id_5d655bba",
      kind: "index",
      unique: false,
      columns: ["person_id"],
    },
    {
      name: "posthog_persondistinctid_team_distinct_covering_idx",
      kind: "index",
      unique: false,
      columns: ["team_id", "distinct_id"],
      include: ["person_id", "is_deleted"],
      note: "Index-only resolution of a distinct id to its person.",
    },
    {
      name: "posthog_persondistinctid_person_lookup_idx",
      kind: "index",
      unique: false,
      columns: ["person_id", "team_id", "is_deleted", "id"],
      include: ["distinct_id", "version"],
      note: "Newest of three competing person-side designs; presence in production is unconfirmed.",
    },
  ],
  foreignKeys: [
    {
      name: "posthog_persondistinctid_person_id_fkey",
      columns: ["team_id", "person_id"],
      references: { table: "posthog_person", columns: ["team_id", "id"] },
      options: "NOT VALID",
    },
  ],
  notes: ["The foreign key is NO ACTION: delete distinct ids before their person."],
};

export const personlessDistinctId: TableSpec = {
  name: "posthog_personlessdistinctid",
  columns: [
    c("id", "bigint", { notNull: true, identity: true }),
    c("distinct_id", "varchar(400)", { notNull: true }),
    c("is_merged", "boolean", { notNull: true, default: "false" }),
    c("created_at", "timestamptz", { notNull: true }),
    c("team_id", "integer", { notNull: true }),
  ],
  indexes: [
    { name: "posthog_personlessdistinctid_pkey", kind: "primary", unique: true, columns: ["id"] },
    {
      name: "unique_personless_distinct_id_for_team",
      kind: "unique-constraint",
      unique: true,
      columns: ["team_id", "distinct_id"],
    },
  ],
  references: [TEAM_REFERENCE],
};
