/**
 * The queries the lab is proven on: the shapes personhog-replica runs today (restated from the
 * schema facts, grouped by storage module) and deliberately bad ones, one or more per rule, with
 * the fixes a reviewer would give. Each names what production would use. Unit tests and
 * `npm run bench` both run this list.
 *
 * Alike on purpose: every row of these lists is data of one shape (a query and what the lab must
 * say of it), kept in TypeScript so rule ids, fix kinds and statuses are checked where written.
 */
import type { RuleId } from "./rules";
import type { CheckStatus, FixKind, RowCount, Severity } from "./verdict";

export interface FixExpectation {
  readonly kind: FixKind;
  /** For a predicate fix: the existing index the rewritten statement uses. */
  readonly uses?: string;
  /** The status "try it" gets. */
  readonly tries: CheckStatus;
}

export interface CorpusQuery {
  readonly id: string;
  readonly sql: string;
  readonly status: CheckStatus;
  /** Table → the index the verdict must name (null: no index can serve). */
  readonly indexes?: Readonly<Record<string, string | null>>;
  /** Rules that must appear among the verdicts. */
  readonly rules?: readonly RuleId[];
  readonly kind?: "read" | "write";
  /** Table → how many rows its lookup must say it returns. */
  readonly rows?: Readonly<Record<string, RowCount["kind"]>>;
  /** Every fix offered, in order. */
  readonly fixes?: readonly FixExpectation[];
  /** How many verdicts of each severity: one message per finding. */
  readonly counts?: Partial<Record<Severity, number>>;
  /** Text the messages must contain, and text they must not. */
  readonly says?: readonly string[];
  readonly neverSays?: readonly string[];
}

const PERSON_COLUMNS = "id, uuid, created_at, properties, is_identified, version, team_id";
const PK = "posthog_person_new_pkey";
const UUID = "posthog_person_new_uuid_idx";
const PDI_UNIQUE = "unique_distinct_id_for_team";
const PDI_PERSON = "posthog_persondistinctid_person_lookup_idx";
const FHKO_TEAM = "posthog_featureflaghashkeyoverride_team_id_b626eed2";

export const REPLICA_QUERIES: readonly CorpusQuery[] = [
  {
    id: "person.get_person_by_id",
    sql: `SELECT ${PERSON_COLUMNS} FROM posthog_person WHERE team_id = $1 AND id = $2 AND is_deleted = false`,
    status: "pass",
    indexes: { posthog_person: PK },
    rules: ["index-lookup"],
    rows: { posthog_person: "one" },
    kind: "read",
  },
  {
    id: "person.get_person_by_uuid",
    sql: `SELECT ${PERSON_COLUMNS} FROM posthog_person WHERE team_id = $1 AND uuid = $2 AND is_deleted = false`,
    status: "pass",
    indexes: { posthog_person: UUID },
  },
  {
    id: "person.get_persons_by_ids",
    sql: `SELECT id, uuid, CASE WHEN $3 THEN properties ELSE '{}'::jsonb END AS properties FROM posthog_person WHERE team_id = $1 AND id = ANY($2) AND is_deleted = false`,
    status: "pass",
    indexes: { posthog_person: PK },
    rows: { posthog_person: "per-value" },
    says: ["one row per value in `$2`", "cap that field"],
  },
  {
    id: "person.get_persons_by_uuids",
    sql: `SELECT ${PERSON_COLUMNS} FROM posthog_person WHERE team_id = $1 AND uuid = ANY($2) AND is_deleted = false`,
    status: "pass",
    indexes: { posthog_person: UUID },
  },
  {
    id: "person.get_person_by_distinct_id",
    sql: `SELECT p.id, p.uuid FROM posthog_person p JOIN posthog_persondistinctid d ON p.id = d.person_id AND p.team_id = d.team_id WHERE p.team_id = $1 AND d.distinct_id = $2 AND p.is_deleted = false AND d.is_deleted = false LIMIT 1`,
    status: "pass",
    indexes: { posthog_person: PK, posthog_persondistinctid: PDI_UNIQUE },
  },
  {
    id: "person.get_persons_by_distinct_ids_in_team",
    sql: `SELECT b.distinct_id, p.id FROM UNNEST($2::text[]) AS b(distinct_id) JOIN posthog_persondistinctid d ON d.team_id = $1 AND d.distinct_id = b.distinct_id AND d.is_deleted = false JOIN posthog_person p ON p.id = d.person_id AND p.team_id = d.team_id AND p.is_deleted = false`,
    status: "pass",
    indexes: { posthog_person: PK, posthog_persondistinctid: PDI_UNIQUE },
  },
  {
    id: "person.get_persons_by_distinct_ids_cross_team",
    sql: `SELECT b.team_id, b.distinct_id, p.id FROM posthog_person p JOIN posthog_persondistinctid d ON d.person_id = p.id AND d.team_id = p.team_id JOIN UNNEST($1::int[], $2::text[]) AS b(team_id, distinct_id) ON d.team_id = b.team_id AND d.distinct_id = b.distinct_id WHERE p.is_deleted = false AND d.is_deleted = false`,
    status: "pass",
    indexes: { posthog_person: PK, posthog_persondistinctid: PDI_UNIQUE },
    rules: ["runtime-pruning"],
  },
  {
    id: "person.delete_persons.resolve",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND uuid = ANY($2)",
    status: "pass",
    indexes: { posthog_person: UUID },
    rules: ["index-only"],
  },
  {
    id: "person.delete_persons_by_ids.lock",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE",
    status: "pass",
    indexes: { posthog_person: PK },
    kind: "write",
  },
  {
    id: "person.delete_persons_by_ids.distinct_ids",
    sql: "DELETE FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = ANY($2)",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
    kind: "write",
  },
  {
    id: "person.delete_persons_by_ids.cohorts",
    sql: "DELETE FROM posthog_cohortpeople WHERE person_id = ANY($1)",
    status: "pass",
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_person_id_33da7d3f" },
    kind: "write",
  },
  {
    id: "person.delete_persons_by_ids.persons",
    sql: "DELETE FROM posthog_person WHERE team_id = $1 AND id = ANY($2)",
    status: "pass",
    indexes: { posthog_person: PK },
    kind: "write",
  },
  {
    id: "person.delete_persons_batch_for_team",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 LIMIT $2",
    status: "pass",
    indexes: { posthog_person: PK },
  },
  {
    id: "person.get_person_tombstones.persons",
    sql: "SELECT id, uuid, COALESCE(version, 0) FROM posthog_person WHERE team_id = $1 AND uuid = ANY($2) AND is_deleted = true",
    status: "pass",
    indexes: { posthog_person: UUID },
  },
  {
    id: "person.get_person_tombstones.distinct_ids",
    sql: "SELECT person_id, distinct_id, version FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = ANY($2) AND is_deleted = true",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
  },
  {
    id: "person.split_person.version",
    sql: "SELECT COALESCE(version, 0) FROM posthog_person WHERE team_id = $1 AND id = $2",
    status: "pass",
    indexes: { posthog_person: PK },
  },
  {
    id: "person.split_person.lock_distinct_ids",
    sql: "SELECT id FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = $2 AND distinct_id = ANY($3) AND is_deleted = false FOR UPDATE",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
    kind: "write",
  },
  {
    id: "person.split_person.revive",
    sql: "UPDATE posthog_person SET is_deleted = false, version = GREATEST(COALESCE(version, 0) + 1, $3) WHERE team_id = $1 AND uuid = ANY($2)",
    status: "pass",
    indexes: { posthog_person: UUID },
    kind: "write",
  },
  {
    id: "person.set_person_distinct_id_version_floor",
    sql: "UPDATE posthog_persondistinctid SET version = $3 WHERE team_id = $1 AND distinct_id = $2 AND version < $3",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_UNIQUE },
    kind: "write",
  },
  {
    id: "person.set_person_version_floor",
    sql: "UPDATE posthog_person SET version = $3 WHERE team_id = $1 AND id = $2 AND version < $3",
    status: "pass",
    indexes: { posthog_person: PK },
    kind: "write",
  },
  {
    id: "distinct_id.for_person.cursor_limit",
    sql: "SELECT distinct_id, version, id FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = $2 AND is_deleted = false AND id > $3 ORDER BY id LIMIT $4",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
  },
  {
    id: "distinct_id.for_person.all",
    sql: "SELECT distinct_id, version, id FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = $2 AND is_deleted = false",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
  },
  {
    id: "distinct_id.for_person.capped_identified",
    sql: "SELECT distinct_id, id FROM (SELECT distinct_id, id FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = $2 AND is_deleted = false LIMIT 2500) capped WHERE distinct_id !~ '^([a-z0-9]+-){4}[a-z0-9]+$' LIMIT $3",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
  },
  {
    id: "distinct_id.for_persons.lateral",
    sql: "SELECT pid.person_id, d.distinct_id FROM UNNEST($2::bigint[]) AS pid(person_id) CROSS JOIN LATERAL (SELECT distinct_id FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = pid.person_id AND is_deleted = false LIMIT 2500) d",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
  },
  {
    id: "distinct_id.for_persons.all",
    sql: "SELECT person_id, distinct_id, version FROM posthog_persondistinctid WHERE team_id = $1 AND person_id = ANY($2) AND is_deleted = false",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_PERSON },
  },
  {
    id: "feature_flag.hash_key_override_context",
    sql: "SELECT DISTINCT p.person_id, p.distinct_id, existing.feature_flag_key, existing.hash_key FROM posthog_persondistinctid p LEFT JOIN posthog_featureflaghashkeyoverride existing ON existing.person_id = p.person_id AND existing.team_id = p.team_id AND existing.hash_key <> $3 WHERE p.team_id = $1 AND p.distinct_id = ANY($2) AND p.is_deleted = false AND EXISTS (SELECT 1 FROM posthog_person WHERE id = p.person_id AND team_id = p.team_id AND is_deleted = false)",
    status: "warning",
    rules: ["mixed-categories"],
    indexes: {
      posthog_persondistinctid: PDI_UNIQUE,
      posthog_featureflaghashkeyoverride: "unique_hash_key_for_user_team_feature_flag",
      posthog_person: PK,
    },
  },
  {
    id: "feature_flag.upsert_hash_key_overrides",
    sql: "INSERT INTO posthog_featureflaghashkeyoverride (team_id, person_id, feature_flag_key, hash_key) SELECT DISTINCT p.team_id, p.person_id, f.key, $2 FROM posthog_persondistinctid p CROSS JOIN UNNEST($4::text[]) AS f(key) WHERE p.team_id = $1 AND p.distinct_id = ANY($3) AND p.is_deleted = false AND EXISTS (SELECT 1 FROM posthog_person pp WHERE pp.id = p.person_id AND pp.team_id = p.team_id AND pp.is_deleted = false) ON CONFLICT (team_id, person_id, feature_flag_key) DO UPDATE SET hash_key = EXCLUDED.hash_key WHERE posthog_featureflaghashkeyoverride.hash_key = $5",
    status: "warning",
    rules: ["mixed-categories"],
    kind: "write",
    indexes: { posthog_persondistinctid: PDI_UNIQUE, posthog_person: PK },
  },
  {
    id: "feature_flag.delete_by_teams",
    sql: "DELETE FROM posthog_featureflaghashkeyoverride WHERE id IN (SELECT id FROM posthog_featureflaghashkeyoverride WHERE team_id = ANY($1) LIMIT $2 FOR UPDATE SKIP LOCKED)",
    status: "pass",
    kind: "write",
  },
  {
    id: "cohort.check_membership",
    sql: "SELECT cohort_id::bigint FROM posthog_cohortpeople WHERE person_id = $1 AND cohort_id = ANY($2::bigint[])",
    status: "pass",
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_cohort_id_person_id_uniq" },
  },
  {
    id: "cohort.count_members",
    sql: "SELECT COUNT(*) FROM posthog_cohortpeople WHERE cohort_id = ANY($1::bigint[])",
    status: "pass",
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_cohort_id_1f371733" },
  },
  {
    id: "cohort.delete_member",
    sql: "DELETE FROM posthog_cohortpeople WHERE cohort_id = $1::bigint AND person_id = $2",
    status: "pass",
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_cohort_id_person_id_uniq" },
    kind: "write",
  },
  {
    id: "cohort.delete_members_bulk",
    sql: "DELETE FROM posthog_cohortpeople WHERE id IN (SELECT id FROM posthog_cohortpeople WHERE cohort_id = ANY($1) LIMIT $2)",
    status: "pass",
    kind: "write",
  },
  {
    id: "cohort.insert_members",
    sql: "INSERT INTO posthog_cohortpeople (person_id, cohort_id, version) SELECT DISTINCT pid, $1::int, $3::int FROM UNNEST($2::bigint[]) AS pid WHERE NOT EXISTS (SELECT 1 FROM posthog_cohortpeople c WHERE c.cohort_id = $1::int AND c.person_id = pid) ON CONFLICT DO NOTHING",
    status: "pass",
    kind: "write",
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_cohort_id_person_id_uniq" },
  },
  {
    id: "cohort.list_member_ids",
    sql: "SELECT person_id FROM posthog_cohortpeople WHERE cohort_id = $1::bigint AND person_id > $2 ORDER BY person_id LIMIT $3",
    status: "pass",
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_cohort_id_person_id_uniq" },
  },
  {
    id: "group.get_group",
    sql: "SELECT id, group_properties FROM posthog_group WHERE team_id = $1 AND group_type_index = $2 AND group_key = $3",
    status: "pass",
    indexes: { posthog_group: "unique_team_group_key_group_type" },
  },
  {
    id: "group.get_groups",
    sql: "SELECT g.id, g.group_key FROM posthog_group g JOIN UNNEST($2::int[], $3::text[]) AS t(group_type_index, group_key) ON g.group_type_index = t.group_type_index AND g.group_key = t.group_key WHERE g.team_id = $1",
    status: "pass",
    indexes: { posthog_group: "unique_team_group_key_group_type" },
  },
  {
    id: "group.get_groups_batch",
    sql: "SELECT g.id FROM posthog_group g JOIN UNNEST($1::int[], $2::int[], $3::text[]) AS t(team_id, group_type_index, group_key) ON g.team_id = t.team_id AND g.group_type_index = t.group_type_index AND g.group_key = t.group_key",
    status: "pass",
    indexes: { posthog_group: "unique_team_group_key_group_type" },
  },
  {
    id: "group.list_groups",
    sql: "SELECT id, group_key, created_at FROM posthog_group WHERE team_id = $1 AND group_type_index = $2 AND (NOT $3 OR group_key ILIKE $4) AND (NOT $5 OR group_properties::text ILIKE $6 OR group_key = $7) AND (NOT $8 OR (created_at, id) < ($9, $10)) ORDER BY created_at DESC, id DESC LIMIT $11",
    status: "warning",
    rules: ["broad-index-prefix", "sort-not-from-index"],
    indexes: { posthog_group: "posthog_group_team_id_b3aed896" },
  },
  {
    id: "group.create_group",
    sql: "INSERT INTO posthog_group (team_id, group_type_index, group_key, group_properties, created_at, properties_last_updated_at, properties_last_operation, version) VALUES ($1, $2, $3, '{}', now(), '{}', '{}', 0) RETURNING id",
    status: "pass",
    kind: "write",
  },
  {
    id: "group.update_group",
    sql: "UPDATE posthog_group SET group_properties = $4, version = version + 1 WHERE team_id = $1 AND group_type_index = $2 AND group_key = $3 RETURNING id, version",
    status: "pass",
    kind: "write",
    indexes: { posthog_group: "unique_team_group_key_group_type" },
  },
  {
    id: "group.delete_groups_batch_for_team",
    sql: "DELETE FROM posthog_group WHERE id IN (SELECT id FROM posthog_group WHERE team_id = $1 LIMIT $2 FOR UPDATE SKIP LOCKED)",
    status: "pass",
    kind: "write",
  },
  {
    id: "group.type_mappings_by_team",
    sql: "SELECT group_type, group_type_index FROM posthog_grouptypemapping WHERE team_id = $1",
    status: "pass",
    indexes: { posthog_grouptypemapping: "posthog_grouptypemapping_team_id_5fb54d04" },
  },
  {
    id: "group.type_mappings_by_teams",
    sql: "SELECT group_type FROM posthog_grouptypemapping WHERE team_id = ANY($1)",
    status: "pass",
    indexes: { posthog_grouptypemapping: "posthog_grouptypemapping_team_id_5fb54d04" },
  },
  {
    id: "group.type_mappings_by_project",
    sql: "SELECT group_type FROM posthog_grouptypemapping WHERE project_id = $1",
    status: "pass",
    indexes: { posthog_grouptypemapping: "posthog_grouptypemapping_project_id_239c0515" },
  },
  {
    id: "group.type_mapping_by_dashboard",
    sql: "SELECT id FROM posthog_grouptypemapping WHERE team_id = $1 AND detail_dashboard_id = $2 ORDER BY id LIMIT 1",
    status: "pass",
    indexes: { posthog_grouptypemapping: "posthog_grouptypemapping_team_id_5fb54d04" },
  },
  {
    id: "group.update_group_type_mapping",
    sql: "UPDATE posthog_grouptypemapping SET name_singular = CASE WHEN $3 THEN $4 ELSE name_singular END WHERE project_id = $1 AND group_type_index = $2",
    status: "pass",
    kind: "write",
    indexes: { posthog_grouptypemapping: "unique_group_type_index_for_project" },
  },
  {
    id: "group.delete_group_type_mapping",
    sql: "DELETE FROM posthog_grouptypemapping WHERE project_id = $1 AND group_type_index = $2",
    status: "pass",
    kind: "write",
    indexes: { posthog_grouptypemapping: "unique_group_type_index_for_project" },
  },
];

export const PATTERN_QUERIES: readonly CorpusQuery[] = [
  {
    id: "pattern.person.merged_into",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND merged_into_id = $2",
    status: "pass",
    indexes: { posthog_person: "posthog_person_merged_into_idx" },
  },
  {
    id: "pattern.personless.lookup",
    sql: "SELECT is_merged FROM posthog_personlessdistinctid WHERE team_id = $1 AND distinct_id = $2",
    status: "pass",
    indexes: { posthog_personlessdistinctid: "unique_personless_distinct_id_for_team" },
  },
  {
    id: "pattern.personoverride.lookup",
    sql: "SELECT override_person_id FROM posthog_personoverride WHERE team_id = $1 AND old_person_id = $2",
    status: "pass",
    indexes: { posthog_personoverride: "unique_override_per_old_person_id" },
  },
  {
    id: "pattern.hash_key_override.for_person",
    sql: "SELECT feature_flag_key, hash_key FROM posthog_featureflaghashkeyoverride WHERE team_id = $1 AND person_id = $2",
    status: "pass",
    indexes: { posthog_featureflaghashkeyoverride: "unique_hash_key_for_user_team_feature_flag" },
  },
  {
    id: "pattern.person.ids_in_list",
    sql: `SELECT id FROM posthog_person WHERE team_id = $1 AND id IN (${Array.from({ length: 2207 }, (_, i) => i + 1).join(", ")})`,
    status: "pass",
    indexes: { posthog_person: PK },
    rows: { posthog_person: "per-value" },
    says: ["one row per value in the list (2,207 values)"],
    neverSays: ["at most one row"],
  },
  {
    id: "pattern.person.ids_in_placeholders",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id IN ($2, $3)",
    status: "pass",
    indexes: { posthog_person: PK },
    rows: { posthog_person: "per-value" },
    says: ["(2 values)"],
  },
  {
    id: "pattern.distinct_ids.many_in_team",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id = ANY($2)",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_UNIQUE },
    rows: { posthog_persondistinctid: "per-value" },
    neverSays: ["at most one row"],
  },
  {
    id: "pattern.distinct_id.chain_self_join",
    sql: `SELECT d1.id FROM posthog_persondistinctid d1 ${Array.from({ length: 13 }, (_, i) => `JOIN posthog_persondistinctid d${i + 2} ON d${i + 2}.person_id = d1.person_id`).join(" ")} WHERE d1.team_id = $1 AND d1.distinct_id = $2`,
    status: "pass",
    counts: { info: 3 },
  },
  {
    id: "pattern.distinct_id.cast_as_text",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id::text = $2",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_UNIQUE },
    rows: { posthog_persondistinctid: "one" },
  },
  {
    id: "pattern.person.or_id_uuid",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND (id = $2 OR uuid = $3)",
    status: "pass",
    rules: ["index-lookup"],
    says: ["once per OR branch", `through ${PK} on \`team_id\`, \`id\``, `through ${UUID}`],
    neverSays: ["at most one row.", "alone, without visiting the table"],
    counts: { warning: 0, info: 1 },
  },
  {
    id: "pattern.distinct_id.or_person",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1 AND (distinct_id = $2 OR person_id = $3)",
    status: "pass",
    says: [`through ${PDI_UNIQUE}`, `through ${PDI_PERSON}`],
    fixes: [],
  },
  {
    id: "pattern.person.count_team",
    sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND is_deleted = false",
    status: "pass",
    indexes: { posthog_person: PK },
  },
  {
    id: "pattern.person.team_page",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id > $2 ORDER BY id LIMIT $3",
    status: "pass",
    indexes: { posthog_person: PK },
  },
  {
    id: "pattern.literals",
    sql: "SELECT * FROM posthog_persondistinctid WHERE team_id = 2 AND distinct_id = 'abc'",
    status: "pass",
    indexes: { posthog_persondistinctid: PDI_UNIQUE },
  },
  {
    // A person's merge target is a person of the same team: the key means the same thing.
    id: "pattern.join.merge_target",
    sql: "SELECT p2.id FROM posthog_person p1 JOIN posthog_person p2 ON p2.team_id = p1.team_id AND p2.id = p1.merged_into_id WHERE p1.team_id = $1 AND p1.id = $2",
    status: "pass",
    counts: { error: 0, warning: 0 },
  },
  {
    // Both person_id columns reference posthog_person.id: one meaning, through two tables.
    id: "pattern.join.overrides_by_distinct_id",
    sql: "SELECT o.feature_flag_key, o.hash_key FROM posthog_featureflaghashkeyoverride o JOIN posthog_persondistinctid d ON o.person_id = d.person_id AND o.team_id = d.team_id WHERE d.team_id = $1 AND d.distinct_id = $2",
    status: "warning",
    rules: ["mixed-categories"],
    counts: { error: 0, warning: 1 },
  },
  {
    // A subquery may reuse an outer alias: the plan calls the inner one x_1, the text x.
    id: "pattern.join.alias_reused_in_in_subquery",
    sql: "SELECT x.distinct_id FROM posthog_persondistinctid x WHERE x.team_id = $1 AND x.person_id IN (SELECT x.id FROM posthog_person x WHERE x.team_id = $1 AND x.uuid = $2)",
    status: "pass",
    counts: { error: 0 },
  },
  {
    id: "pattern.join.alias_reused_in_scalar_subquery",
    sql: "SELECT d.distinct_id FROM posthog_persondistinctid d WHERE d.team_id = $1 AND d.person_id = (SELECT d.id FROM posthog_person d WHERE d.team_id = $1 AND d.uuid = $2)",
    status: "pass",
    counts: { error: 0 },
  },
  {
    id: "pattern.join.cohort_alias_reused_in_subquery",
    sql: "SELECT c.cohort_id FROM posthog_cohortpeople c WHERE c.person_id IN (SELECT c.id FROM posthog_person c WHERE c.team_id = $1 AND c.uuid = $2)",
    status: "warning",
    rules: ["mixed-categories"],
    counts: { error: 0 },
  },
  {
    // The WITH query's d is the person table; the outer d is the distinct-id table.
    id: "pattern.join.alias_reused_in_with_query",
    sql: "WITH ids AS (SELECT d.id FROM posthog_person d WHERE d.team_id = $1 AND d.uuid = $2) SELECT d.distinct_id FROM posthog_persondistinctid d JOIN ids ON ids.id = d.person_id WHERE d.team_id = $1",
    status: "pass",
    counts: { error: 0 },
  },
];

/** Statements that read no table: nothing was checked, and that is never a pass. */
export const NOTHING_CHECKED: readonly CorpusQuery[] = [
  "SELECT now()",
  "SELECT pg_sleep(30)",
  "SELECT 1",
  "VALUES (1), (2)",
  "SELECT * FROM generate_series(1, 3)",
  "SELECT id FROM posthog_person WHERE false",
].map((sql, i) => ({
  id: `nothing_checked.${i}`,
  sql,
  status: "nothing-checked",
  rules: ["nothing-checked"],
  counts: { error: 1 },
}));

const fourteenWay = (on: (i: number) => string) =>
  Array.from({ length: 13 }, (_, i) => `JOIN posthog_person p${i + 2} ON ${on(i + 2)}`).join(" ");

export const BAD_QUERIES: readonly CorpusQuery[] = [
  {
    id: "bad.seq_scan.no_predicate_index",
    sql: "SELECT * FROM posthog_group WHERE version > $1",
    status: "error",
    rules: ["seq-scan"],
    indexes: { posthog_group: null },
    // Even with the index, `version > $1` is open at one end: how much of the team it returns
    // depends on the value alone, and nothing bounds it, so the index leaves a warning.
    fixes: [
      { kind: "add-predicate", uses: "posthog_group_team_id_b3aed896", tries: "warning" },
      { kind: "new-index", tries: "warning" },
    ],
  },
  {
    id: "bad.seq_scan.skip_scan_trap",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE distinct_id = $1",
    status: "error",
    rules: ["seq-scan"],
    indexes: { posthog_persondistinctid: null },
    fixes: [{ kind: "add-predicate", uses: PDI_UNIQUE, tries: "pass" }],
    says: ["Add `team_id = $2`"],
  },
  {
    id: "bad.seq_scan.distinct_ids_without_team",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE distinct_id = ANY($1) AND is_deleted = false",
    status: "error",
    rules: ["seq-scan"],
    fixes: [{ kind: "add-predicate", uses: PDI_UNIQUE, tries: "pass" }],
  },
  {
    id: "bad.seq_scan.hash_key_overrides_by_flag",
    sql: "SELECT person_id, hash_key FROM posthog_featureflaghashkeyoverride WHERE feature_flag_key = $1",
    status: "error",
    rules: ["seq-scan"],
    fixes: [
      { kind: "add-predicate", uses: FHKO_TEAM, tries: "warning" },
      { kind: "new-index", tries: "pass" },
    ],
    says: ["With `team_id = $2` added, propose a new index on (team_id, feature_flag_key)"],
  },
  {
    id: "bad.seq_scan.group_type_without_project",
    sql: "SELECT group_type FROM posthog_grouptypemapping WHERE group_type_index = $1",
    status: "error",
    rules: ["seq-scan"],
    fixes: [
      { kind: "add-predicate", uses: "unique_group_type_index_for_project", tries: "pass" },
      { kind: "add-predicate", uses: "posthog_grouptypemapping_team_id_5fb54d04", tries: "pass" },
    ],
  },
  {
    id: "bad.seq_scan.join_without_team",
    sql: "SELECT p.id FROM posthog_person p JOIN posthog_persondistinctid d ON p.id = d.person_id WHERE d.distinct_id = $1",
    status: "error",
    rules: ["seq-scan", "no-partition-pruning"],
    fixes: [{ kind: "add-predicate", uses: PDI_UNIQUE, tries: "pass" }],
    says: ["the same team"],
  },
  {
    id: "bad.seq_scan.cohort_by_version",
    sql: "SELECT person_id FROM posthog_cohortpeople WHERE version = $1",
    status: "error",
    rules: ["seq-scan"],
    fixes: [{ kind: "new-index", tries: "pass" }],
  },
  {
    id: "bad.no_pruning.person_by_id",
    sql: "SELECT * FROM posthog_person WHERE id = $1",
    status: "error",
    rules: ["no-partition-pruning"],
    fixes: [{ kind: "add-predicate", uses: PK, tries: "pass" }],
    counts: { error: 1 },
  },
  {
    id: "bad.no_pruning.person_by_uuid",
    sql: "SELECT id FROM posthog_person WHERE uuid = $1",
    status: "error",
    rules: ["seq-scan"],
    fixes: [{ kind: "add-predicate", uses: UUID, tries: "pass" }],
  },
  {
    id: "bad.broad.group_by_type",
    sql: "SELECT * FROM posthog_group WHERE team_id = $1 AND group_type_index = $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    indexes: { posthog_group: "posthog_group_team_id_b3aed896" },
    fixes: [{ kind: "new-index", tries: "pass" }],
    counts: { warning: 1, info: 0 },
  },
  {
    id: "bad.broad.person_by_distinct_id_subquery",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id IN (SELECT person_id FROM posthog_persondistinctid WHERE distinct_id = $2)",
    status: "warning",
    rules: ["broad-index-prefix"],
    fixes: [{ kind: "add-predicate", uses: PDI_UNIQUE, tries: "pass" }],
    says: [
      "`distinct_id` cannot be looked up first",
      "Add `team_id = $1` to posthog_persondistinctid",
    ],
  },
  {
    id: "bad.broad.person_join_distinct_id_without_team",
    sql: "SELECT p.id FROM posthog_person p JOIN posthog_persondistinctid d ON d.person_id = p.id WHERE p.team_id = $1 AND d.distinct_id = $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    fixes: [{ kind: "add-predicate", uses: PDI_UNIQUE, tries: "pass" }],
    says: ["`d.team_id = $1`"],
    counts: { warning: 1 },
  },
  {
    id: "bad.broad.person_by_email",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND properties->>'email' = $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    indexes: { posthog_person: PK },
    fixes: [{ kind: "expression-index", tries: "pass" }],
    says: ["`properties->>'email'` is filtered", "(team_id, (properties->>'email'))"],
    neverSays: ["`properties` is"],
  },
  {
    id: "bad.broad.person_by_email_spaced",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND properties ->> 'email' = $2",
    status: "warning",
    fixes: [{ kind: "expression-index", tries: "pass" }],
    says: ["`properties->>'email'` is filtered"],
  },
  {
    id: "bad.broad.person_by_nested_json_key",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND properties -> 'address' ->> 'city' = $2",
    status: "warning",
    fixes: [{ kind: "expression-index", tries: "pass" }],
    says: ["properties->'address'->>'city'"],
  },
  {
    id: "bad.broad.person_by_containment",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND properties @> $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    fixes: [],
    says: ["`properties @> $2` is filtered"],
  },
  {
    id: "bad.broad.fourteen_way_self_join",
    sql: `SELECT p1.id FROM posthog_person p1 ${fourteenWay((i) => `p${i}.team_id = p1.team_id AND p${i}.properties->>'email' = p1.properties->>'email'`)} WHERE p1.team_id = $1 AND p1.id = $2`,
    status: "warning",
    rules: ["broad-index-prefix"],
    counts: { warning: 1, info: 2 },
    fixes: [{ kind: "expression-index", tries: "pass" }],
  },
  {
    // One row by the primary key: its sort is free.
    id: "pattern.sort.one_row",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id = $2 ORDER BY created_at LIMIT 1",
    status: "pass",
    counts: { warning: 0 },
  },
  {
    // One row per id the request lists, and the one person a distinct id names: few to sort.
    id: "pattern.sort.listed_ids",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id IN ($2, $3) ORDER BY created_at LIMIT 5",
    status: "pass",
    counts: { warning: 0 },
  },
  {
    id: "pattern.sort.person_of_distinct_id",
    sql: "SELECT p.id FROM posthog_persondistinctid d JOIN posthog_person p ON p.team_id = d.team_id AND p.id = d.person_id WHERE d.team_id = $1 AND d.distinct_id = $2 ORDER BY p.created_at LIMIT 5",
    status: "pass",
    counts: { warning: 0 },
  },
  {
    // Unique lookups, but of every id a subquery lists: the whole team is sorted.
    id: "bad.sort.ids_from_subquery_array",
    sql: "SELECT p.uuid FROM posthog_person p WHERE p.team_id = $1 AND p.id = ANY(ARRAY(SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1)) ORDER BY p.created_at LIMIT 10",
    status: "warning",
    rules: ["sort-not-from-index"],
  },
  {
    // Joined row by row to a WITH query that reads a whole team.
    id: "bad.sort.ids_from_with_query",
    sql: "WITH ids AS MATERIALIZED (SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1) SELECT p.uuid FROM ids JOIN posthog_person p ON p.team_id = $1 AND p.id = ids.person_id ORDER BY p.created_at LIMIT 10",
    status: "warning",
    rules: ["sort-not-from-index"],
  },
  {
    // Rows made by a function: no relation under the sort says how many.
    id: "bad.sort.ids_from_function",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id IN (SELECT generate_series(1, 1000000)) ORDER BY created_at LIMIT 5",
    status: "warning",
    rules: ["sort-not-from-index"],
  },
  {
    id: "bad.sort.cohorts_of_person",
    sql: "SELECT cohort_id FROM posthog_cohortpeople WHERE person_id = $1 ORDER BY cohort_id LIMIT 10",
    status: "warning",
    rules: ["sort-not-from-index"],
    fixes: [{ kind: "new-index", tries: "pass" }],
  },
  {
    // Never stops: each row of r makes the next. Every lookup is through the key, as planned.
    id: "bad.recursion.counting_up",
    sql: "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT p.id FROM posthog_person p JOIN r ON p.id = r.n WHERE p.team_id = $1",
    status: "warning",
    rules: ["unbounded-recursion"],
    fixes: [],
    says: ["`WHERE depth < n`"],
  },
  {
    id: "bad.cast.person_uuid_as_text",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND uuid::text = $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    indexes: { posthog_person: PK },
    fixes: [{ kind: "drop-cast", uses: UUID, tries: "pass" }],
    says: ["`uuid::text` is filtered", "Compare `uuid` itself", "bind the value as uuid"],
    neverSays: ["at most one row ("],
  },
  {
    id: "bad.cast.team_id_as_text",
    sql: "SELECT id FROM posthog_person WHERE team_id::text = $1 AND id = $2",
    status: "error",
    rules: ["no-partition-pruning"],
    fixes: [{ kind: "drop-cast", uses: PK, tries: "pass" }],
    says: ["compared only through a cast (`team_id::text`)"],
    counts: { error: 1 },
  },
  {
    // A join key: taking the cast off would compare uuid with varchar, so no rewrite is offered.
    id: "bad.cast.join_uuid_as_text",
    sql: "SELECT d.distinct_id FROM posthog_persondistinctid d JOIN posthog_person p ON p.uuid::text = d.distinct_id AND p.team_id = d.team_id WHERE d.team_id = $1 AND d.distinct_id = $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    fixes: [],
    says: ["cast the other side instead (`uuid = …::uuid`)"],
  },
  {
    id: "bad.cast.cohort_person_as_text",
    sql: "SELECT cohort_id FROM posthog_cohortpeople WHERE person_id::text = $1",
    status: "error",
    rules: ["seq-scan"],
    indexes: { posthog_cohortpeople: null },
    fixes: [{ kind: "drop-cast", uses: "posthog_cohortpeople_person_id_33da7d3f", tries: "pass" }],
  },
  {
    id: "bad.unwrap.person_id_plus_zero",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id + 0 = $2",
    status: "warning",
    rules: ["broad-index-prefix"],
    fixes: [{ kind: "unwrap-column", uses: PK, tries: "pass" }],
    says: ["Compare `id` itself, not `id + 0`"],
  },
  {
    // The value takes the shift instead, its placeholder keeping the column's type.
    id: "bad.unwrap.person_id_shifted",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id - 1 = $2",
    status: "warning",
    fixes: [{ kind: "unwrap-column", uses: PK, tries: "pass" }],
    says: ["shift the value the other way (`+ 1`)"],
  },
  {
    id: "bad.unwrap.or_branch",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND (id = $2 OR id + 0 = $3)",
    status: "warning",
    fixes: [{ kind: "unwrap-column", uses: PK, tries: "pass" }],
  },
  {
    id: "bad.unwrap.delete_coalesce_team",
    sql: "DELETE FROM posthog_persondistinctid WHERE coalesce(team_id, 0) = $1 AND distinct_id = $2",
    status: "error",
    kind: "write",
    fixes: [{ kind: "unwrap-column", uses: PDI_UNIQUE, tries: "pass" }],
  },
  {
    id: "bad.unwrap.coalesce_never_null_team",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE coalesce(team_id, 0) = $1 AND distinct_id = $2",
    status: "error",
    rules: ["seq-scan"],
    fixes: [{ kind: "unwrap-column", uses: PDI_UNIQUE, tries: "pass" }],
    says: ["it is never null"],
  },
  {
    // Nullable as a column, but a CHECK says it is never null.
    id: "bad.unwrap.coalesce_checked_project",
    sql: "SELECT group_type FROM posthog_grouptypemapping WHERE COALESCE(project_id, 0) = $1 AND group_type_index = $2",
    status: "error",
    fixes: [{ kind: "unwrap-column", uses: "unique_group_type_index_for_project", tries: "pass" }],
  },
  {
    // Unwrapping would change the answer: a NULL merged_into_id matches 0 only through COALESCE.
    id: "bad.unwrap.coalesce_nullable_kept",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND coalesce(merged_into_id, 0) = $2",
    status: "warning",
    fixes: [],
    neverSays: ["Compare `merged_into_id` itself"],
  },
  {
    id: "bad.unwrap.person_id_doubled_kept",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id * 2 = $2",
    status: "warning",
    fixes: [],
    says: ["No index can serve `id * 2` as written"],
  },
  {
    id: "bad.join.cohort_person_to_distinct_id_row",
    sql: "SELECT c.cohort_id FROM posthog_cohortpeople c JOIN posthog_persondistinctid d ON c.person_id = d.id WHERE d.team_id = $1 AND d.distinct_id = $2",
    status: "error",
    rules: ["join-unrelated-keys", "index-lookup"],
    fixes: [{ kind: "join-key", tries: "warning" }],
    says: ["Join `c.person_id` to `d.person_id` instead of `d.id`"],
    counts: { error: 1 },
  },
  {
    // g.team_id = $1 makes the planner read both sides by value: the key is only in the text.
    id: "bad.join.mapping_project_to_group_team",
    sql: "SELECT m.group_type FROM posthog_group g JOIN posthog_grouptypemapping m ON m.project_id = g.team_id AND m.group_type_index = g.group_type_index WHERE g.team_id = $1 AND g.group_key = $2 AND g.group_type_index = $3",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [{ kind: "join-key", tries: "pass" }],
    says: ["`m.project_id` (posthog_project.id)", "`g.team_id` (posthog_team.id)"],
  },
  {
    // The reference side stays; the row id is what was mistaken (never d2.id = d1.id).
    id: "bad.join.sibling_distinct_ids_by_row_id",
    sql: "SELECT d2.distinct_id FROM posthog_persondistinctid d1 JOIN posthog_persondistinctid d2 ON d2.person_id = d1.id WHERE d1.team_id = $1 AND d1.distinct_id = $2",
    status: "error",
    fixes: [{ kind: "join-key", tries: "pass" }],
    says: ["Join `d2.person_id` to `d1.person_id` instead of `d1.id`"],
  },
  {
    id: "bad.join.team_to_person_id",
    sql: "SELECT d.distinct_id FROM posthog_persondistinctid d JOIN posthog_person p ON d.team_id = p.id WHERE p.team_id = $1 AND p.uuid = $2",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [{ kind: "join-key", tries: "pass" }],
  },
  {
    // Unqualified, through IN: the plan still pairs the two columns.
    id: "bad.join.in_subquery_row_ids",
    sql: "SELECT cohort_id FROM posthog_cohortpeople WHERE person_id IN (SELECT id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id = $2)",
    status: "error",
    rules: ["join-unrelated-keys"],
    says: ["instead of `posthog_persondistinctid.id`"],
  },
  {
    // A scalar subquery runs apart (an InitPlan): the pairing is only in the text.
    id: "bad.join.scalar_subquery_row_id",
    sql: "SELECT p.uuid FROM posthog_person p WHERE p.team_id = $1 AND p.id = (SELECT id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id = $2)",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [{ kind: "join-key", tries: "pass" }],
  },
  {
    // The subquery written first: the same pairing, read either way round.
    id: "bad.join.scalar_subquery_row_id_on_left",
    sql: "SELECT p.uuid FROM posthog_person p WHERE p.team_id = $1 AND (SELECT d.id FROM posthog_persondistinctid d WHERE d.team_id = $1 AND d.distinct_id = $2) = p.id",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [{ kind: "join-key", tries: "pass" }],
    says: ["Join `p.id` to `d.person_id` instead of `d.id`"],
  },
  {
    // The subquery reuses the outer alias for another table: two relations, not one column.
    id: "bad.join.scalar_subquery_reusing_alias",
    sql: "SELECT p.uuid FROM posthog_person p WHERE p.team_id = $1 AND p.id = (SELECT p.id FROM posthog_persondistinctid p WHERE p.team_id = $1 AND p.distinct_id = $2)",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [{ kind: "join-key", tries: "pass" }],
    says: ["Join `p.id` to `p.person_id` instead of `p.id`"],
  },
  {
    // MAX returns one of the column's own values: still a distinct id's row id.
    id: "bad.join.scalar_subquery_max_row_id",
    sql: "SELECT p.uuid FROM posthog_person p WHERE p.team_id = $1 AND p.id = (SELECT MAX(id) FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id = $2)",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [{ kind: "join-key", tries: "pass" }],
  },
  {
    // One row's person id against its own row id: no rewrite (the same column twice is always true).
    id: "bad.join.person_id_against_own_row_id",
    sql: "SELECT d.distinct_id FROM posthog_persondistinctid d WHERE d.team_id = $1 AND d.distinct_id = $2 AND d.person_id = d.id",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [],
    says: ["The query equates `d.person_id`"],
  },
  {
    // Materialized, the WITH query is a scan of its own: the table behind d.id is in the text.
    id: "bad.join.through_materialized_with",
    sql: "WITH d AS MATERIALIZED (SELECT id, person_id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id = $2) SELECT c.cohort_id FROM posthog_cohortpeople c JOIN d ON c.person_id = d.id",
    status: "error",
    rules: ["join-unrelated-keys"],
    says: ["Join `c.person_id` to `d.person_id` instead of `d.id`"],
    counts: { error: 1 },
  },
  {
    id: "bad.join.group_row_to_mapping_row",
    sql: "SELECT m.group_type FROM posthog_group g JOIN posthog_grouptypemapping m ON m.id = g.id WHERE g.team_id = $1 AND g.group_key = $2 AND g.group_type_index = $3",
    status: "error",
    rules: ["join-unrelated-keys"],
    fixes: [],
    says: ["if this pairing is meant"],
  },
  {
    id: "bad.broad.or_with_json_branch",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND (id = $2 OR properties->>'email' = $3)",
    status: "warning",
    rules: ["broad-index-prefix"],
    fixes: [{ kind: "expression-index", tries: "pass" }],
    says: ["`properties->>'email'` is filtered"],
  },
  {
    // The lab's C collation turns the prefix into an index range; production's btrees cannot.
    id: "bad.broad.distinct_id_like_prefix",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id LIKE 'abc%'",
    status: "warning",
    rules: ["broad-index-prefix"],
    indexes: { posthog_persondistinctid: PDI_UNIQUE },
    says: ["`distinct_id` is filtered", "matched by a pattern", "text_pattern_ops"],
    counts: { warning: 1, info: 0 },
  },
  {
    id: "bad.broad.distinct_id_leading_wildcard",
    sql: "SELECT person_id FROM posthog_persondistinctid WHERE team_id = $1 AND distinct_id LIKE '%abc'",
    status: "warning",
    rules: ["broad-index-prefix"],
    // A person's id would narrow the read only by asking something else.
    fixes: [],
    neverSays: ["person_id"],
  },
  {
    // A keyset cursor bounds nothing by itself: with a filter, the LIMIT may wait for the whole team.
    id: "bad.broad.keyset_with_filter",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND properties->>'email' = $2 AND id > $3 ORDER BY id LIMIT 10",
    status: "warning",
    rules: ["broad-index-prefix"],
    says: ["`properties->>'email'` is filtered"],
  },
  {
    id: "bad.unbounded.team_after_cursor",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id > $2",
    status: "warning",
    rules: ["unbounded-broad-key"],
  },
  {
    id: "bad.unbounded.persons_of_team",
    sql: "SELECT id, uuid FROM posthog_person WHERE team_id = $1 AND is_identified = true",
    status: "warning",
    rules: ["unbounded-broad-key"],
    indexes: { posthog_person: PK },
    says: ["nothing bounds it", "AND id > $n ORDER BY id LIMIT $m"],
    counts: { warning: 1, info: 0 },
  },
  {
    id: "bad.unbounded.delete_team_overrides",
    sql: "DELETE FROM posthog_featureflaghashkeyoverride WHERE team_id = $1",
    status: "warning",
    rules: ["unbounded-broad-key"],
    says: ["deletes every row of that team_id", "WHERE team_id = $1 LIMIT $n"],
  },
  {
    id: "bad.unbounded.copy_team",
    sql: "INSERT INTO posthog_person (team_id, uuid, created_at, properties) SELECT $2, uuid, created_at, properties FROM posthog_person WHERE team_id = $1",
    status: "warning",
    rules: ["unbounded-broad-key"],
    says: ["Copy a page at a time"],
    neverSays: ["UPDATE"],
  },
  {
    id: "bad.seq_scan.or_branch_without_index",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 OR uuid = $2",
    status: "error",
    rules: ["seq-scan"],
    says: ["the branch on `uuid` matches the leading column of no index"],
    neverSays: ["predicates on `team_id`"],
  },
  {
    id: "bad.seq_scan.or_without_team",
    sql: "SELECT id FROM posthog_person WHERE id = $1 OR uuid = $2",
    status: "error",
    rules: ["seq-scan"],
    fixes: [{ kind: "add-predicate", uses: PK, tries: "pass" }],
    says: ["each branch of the OR is then looked up through"],
    neverSays: ["still filtered"],
  },
  {
    // Each branch has its index (a BitmapOr), but one of them is a whole cohort.
    id: "bad.unbounded.or_person_cohort",
    sql: "SELECT cohort_id FROM posthog_cohortpeople WHERE person_id = $1 OR cohort_id = $2",
    status: "warning",
    rules: ["unbounded-broad-key"],
    indexes: { posthog_cohortpeople: "posthog_cohortpeople_cohort_id_1f371733" },
    neverSays: ["match the leading column of no index"],
  },
  {
    id: "bad.unbounded.whole_cohort",
    sql: "SELECT person_id FROM posthog_cohortpeople WHERE cohort_id = $1",
    status: "warning",
    rules: ["unbounded-broad-key"],
  },
  {
    // One row comes back, but it holds every membership of the cohort: collecting is not bounding.
    id: "bad.unbounded.collect_cohort",
    sql: "SELECT array_agg(person_id) FROM posthog_cohortpeople WHERE cohort_id = $1",
    status: "warning",
    rules: ["unbounded-broad-key"],
    says: ["gathers every row of that cohort_id into one value"],
  },
  {
    id: "bad.unbounded.collect_team_text",
    sql: "SELECT string_agg(distinct_id, ',') FROM posthog_persondistinctid WHERE team_id = $1",
    status: "warning",
    rules: ["unbounded-broad-key"],
  },
  {
    // The name in a string is not a call: the count still folds the rows.
    id: "pattern.cohort.count_named_array_agg",
    sql: "SELECT count(*) AS \"array_agg\", 'array_agg(x)' AS note FROM posthog_cohortpeople WHERE cohort_id = $1",
    status: "pass",
  },
  {
    // Grouped by the key itself: one count per listed cohort, as a plain count is one per cohort.
    id: "pattern.cohort.count_per_listed_cohort",
    sql: "SELECT cohort_id, count(*) FROM posthog_cohortpeople WHERE cohort_id = ANY($1::int[]) GROUP BY cohort_id",
    status: "pass",
  },
  {
    id: "bad.unbounded.grouped_by_person",
    sql: "SELECT person_id, count(*) FROM posthog_cohortpeople WHERE cohort_id = $1 GROUP BY person_id",
    status: "warning",
    rules: ["unbounded-broad-key"],
    says: ["reads every row of that cohort_id, for one row per group"],
  },
  {
    // The caller picks the OFFSET, so a page may read the whole team before its 100 rows.
    id: "bad.unbounded.offset_page",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 ORDER BY id LIMIT 100 OFFSET $2",
    status: "warning",
    rules: ["unbounded-broad-key"],
    says: ["an OFFSET the caller picks undoes any LIMIT", "AND id > $n ORDER BY id LIMIT $m"],
  },
  {
    id: "pattern.person.fixed_offset_page",
    sql: "SELECT id FROM posthog_person WHERE team_id = $1 ORDER BY id LIMIT 100 OFFSET 20",
    status: "pass",
  },
  {
    id: "bad.unbounded.team_anti_join",
    sql: "SELECT id FROM posthog_person p WHERE team_id = $1 AND NOT EXISTS (SELECT 1 FROM posthog_persondistinctid d WHERE d.person_id = p.id)",
    status: "warning",
    rules: ["unbounded-broad-key"],
  },
  {
    id: "bad.not_eligible",
    sql: "SELECT * FROM posthog_personoverridemapping WHERE team_id = $1 AND uuid = $2",
    status: "error",
    rules: ["not-eligible"],
  },
];

export const CORPUS: readonly CorpusQuery[] = [
  ...REPLICA_QUERIES,
  ...PATTERN_QUERIES,
  ...NOTHING_CHECKED,
  ...BAD_QUERIES,
];
