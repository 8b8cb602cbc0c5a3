/**
 * Which tables personhog serves and their data category (routing follows from it: routing.ts).
 * The guide's eligibility table, the SQL lab's eligibility verdict and the generators read this;
 * a table missing here is not personhog data. Imports nothing of ours.
 */

export const DATA_CATEGORIES = ["PersonData", "NonPersonData"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface PersonhogTable {
  readonly name: string;
  readonly category: DataCategory;
  /** What the data is, in a few words. */
  readonly holds: string;
  /** Set when no RPC of today's service.proto reads or writes the table: why, in a few words. */
  readonly unusedToday?: string;
  /**
   * Where FakePersonHogClient (posthog/personhog_client/fake_client.py) keeps the table's rows:
   * the first store is the one a scan reads; a later one serves lookups on its key. Absent: the
   * fake does not model the table.
   */
  readonly fakeStores?: readonly FakeStore[];
}

/**
 * One dict of the fake. Its key is a tuple of columns (one column: the bare value); the value is a
 * proto message carrying `fields` (columns under the same name), a list of such messages, or True.
 */
export interface FakeStore {
  /** The attribute on FakePersonHogClient. */
  readonly attr: string;
  /** The key's columns in order, each with the name a loop over the dict gives it. */
  readonly key: readonly { readonly column: string; readonly as: string }[];
  readonly holds: "message" | "messages" | "flag";
  /** The proto message stored (for `message` and `messages`), and its name in a loop. */
  readonly message?: string;
  readonly row?: string;
  readonly fields: readonly string[];
  /** Fields the fake sets on every row it adds, as Python literals (no column carries them). */
  readonly constants?: Readonly<Record<string, string>>;
  /** Conditions every stored row meets: the fake keeps no deleted rows. */
  readonly always?: Readonly<Record<string, string>>;
  /** Other dicts holding the same rows: a write that adds or removes rows must keep them in step. */
  readonly mirrors: readonly FakeStore[];
  /**
   * Set on a dict of two tables' rows joined (a person by one of its distinct ids): the columns of
   * `table` the join follows, each equal to the other table's column it references. Only a join
   * written on exactly these reads from the dict.
   */
  readonly joins?: { readonly table: string; readonly columns: readonly string[] };
}

/** A key whose parts a loop names like their columns. */
const keyed = (...columns: string[]) => columns.map((column) => ({ column, as: column }));

const PERSON_FIELDS = [
  "id",
  "uuid",
  "team_id",
  "properties",
  "created_at",
  "version",
  "is_identified",
  "is_user_id",
  "last_seen_at",
];
const personStore = (attr: string, second: { column: string; as: string }): FakeStore => ({
  attr,
  key: [{ column: "team_id", as: "team_id" }, second],
  holds: "message",
  message: "Person",
  row: "person",
  fields: PERSON_FIELDS,
  always: { is_deleted: "false" },
  mirrors: [],
});
const DISTINCT_IDS: FakeStore = {
  attr: "_distinct_ids",
  key: keyed("team_id", "person_id"),
  holds: "messages",
  message: "DistinctIdWithVersion",
  row: "did",
  fields: ["distinct_id", "version"],
  always: { is_deleted: "false" },
  mirrors: [
    {
      ...personStore("_persons_by_distinct_id", { column: "distinct_id", as: "distinct_id" }),
      joins: { table: "posthog_persondistinctid", columns: ["team_id", "person_id"] },
    },
  ],
};
const PERSONS_BY_ID: FakeStore = {
  ...personStore("_persons_by_id", { column: "id", as: "person_id" }),
  mirrors: [personStore("_persons_by_uuid", { column: "uuid", as: "uuid" }), DISTINCT_IDS],
};
const MAPPING_FIELDS = [
  "id",
  "team_id",
  "project_id",
  "group_type",
  "group_type_index",
  "name_singular",
  "name_plural",
  "default_columns",
  "detail_dashboard_id",
  "created_at",
];
const mappingStore = (column: string, mirrors: FakeStore[]): FakeStore => ({
  attr: `_group_type_mappings_by_${column.replace("_id", "")}`,
  key: keyed(column),
  holds: "messages",
  message: "GroupTypeMapping",
  row: "mapping",
  fields: MAPPING_FIELDS,
  mirrors,
});
const MAPPINGS_BY_TEAM = mappingStore("team_id", []);
const COHORT_MEMBERSHIPS: FakeStore = {
  attr: "_cohort_memberships",
  key: keyed("person_id"),
  holds: "messages",
  message: "CohortMembership",
  row: "membership",
  fields: ["cohort_id"],
  constants: { is_member: "True" },
  mirrors: [],
};

export const PERSONHOG_TABLES: readonly PersonhogTable[] = [
  {
    name: "posthog_person",
    category: "PersonData",
    holds: "persons",
    fakeStores: [PERSONS_BY_ID],
  },
  {
    name: "posthog_persondistinctid",
    category: "PersonData",
    holds: "distinct ids of persons",
    fakeStores: [DISTINCT_IDS],
  },
  {
    name: "posthog_group",
    category: "NonPersonData",
    holds: "groups",
    fakeStores: [
      {
        attr: "_groups",
        key: keyed("team_id", "group_type_index", "group_key"),
        holds: "message",
        message: "Group",
        row: "group",
        fields: [
          "id",
          "team_id",
          "group_type_index",
          "group_key",
          "group_properties",
          "created_at",
          "version",
          "properties_last_updated_at",
          "properties_last_operation",
        ],
        mirrors: [],
      },
    ],
  },
  {
    name: "posthog_grouptypemapping",
    category: "NonPersonData",
    holds: "group types per project",
    // Every mapping is kept by project; only those added with a team_id are kept by team too.
    fakeStores: [mappingStore("project_id", [MAPPINGS_BY_TEAM]), MAPPINGS_BY_TEAM],
  },
  {
    name: "posthog_cohortpeople",
    category: "NonPersonData",
    holds: "cohort membership",
    fakeStores: [
      {
        attr: "_cohort_members",
        key: keyed("cohort_id", "person_id"),
        holds: "flag",
        fields: [],
        mirrors: [COHORT_MEMBERSHIPS],
      },
      // A read that fixes person_id answers from a person's memberships, as check_cohort_membership's does.
      COHORT_MEMBERSHIPS,
    ],
  },
  {
    name: "posthog_featureflaghashkeyoverride",
    category: "NonPersonData",
    holds: "feature flag hash-key overrides",
  },
  {
    name: "posthog_personoverride",
    category: "PersonData",
    holds: "legacy person overrides",
    unusedToday: "legacy: nothing has read or written it since its writer was removed",
  },
  {
    name: "posthog_personlessdistinctid",
    category: "PersonData",
    holds: "distinct ids seen before a person exists",
    unusedToday: "no replica query reads or writes it",
  },
];

export function personhogTable(name: string): PersonhogTable | undefined {
  return PERSONHOG_TABLES.find((t) => t.name === name);
}
