/**
 * The proto domains of personhog and what each maps to in every language. One row per domain;
 * generators, pickers and validation all read this table. Facts from PostHog's repository.
 */

export const DOMAINS = ["person", "group", "cohort", "feature_flag", "common"] as const;
export type Domain = (typeof DOMAINS)[number];

export interface DomainFacts {
  /** What its messages describe, for pickers. */
  readonly label: string;
  /** The storage trait in personhog-replica (`src/storage/traits/<module>.rs`). */
  readonly rustTrait: string;
  /** File stem under `storage/traits/` and `storage/postgres/`. */
  readonly rustModule: string;
  /** Node operations class in the current layout (`nodejs/src/common/personhog/<file>.ts`). */
  readonly nodeOps: { readonly file: "persons" | "groups"; readonly className: string };
  /**
   * The replica's handlers answer an empty repeated input before calling storage (the cohort
   * handlers: count_cohort_members, insert_cohort_members, delete_cohort_members_bulk); the
   * others leave it to the storage method's own early return.
   */
  readonly emptyInputInHandler: boolean;
}

/** The Node operations class each wrapper file holds. */
const NODE_OPS_CLASS = {
  persons: "PersonHogPersonOperations",
  groups: "PersonHogGroupOperations",
} as const;

function facts(
  label: string,
  rustTrait: string,
  rustModule: string,
  nodeFile: keyof typeof NODE_OPS_CLASS,
  emptyInputInHandler = false,
): DomainFacts {
  return {
    label,
    rustTrait,
    rustModule,
    nodeOps: { file: nodeFile, className: NODE_OPS_CLASS[nodeFile] },
    emptyInputInHandler,
  };
}

export const DOMAIN_FACTS: Readonly<Record<Domain, DomainFacts>> = {
  person: facts("persons and distinct ids", "PersonLookup", "person", "persons"),
  group: facts("groups and group type mappings", "GroupStorage", "group", "groups"),
  cohort: facts("cohort membership", "CohortStorage", "cohort", "persons", true),
  feature_flag: facts(
    "feature flag hash-key overrides",
    "FeatureFlagStorage",
    "feature_flag",
    "persons",
  ),
  common: facts("shared keys and read options", "PersonLookup", "person", "persons"),
};

/**
 * Reads of distinct ids alone (posthog_persondistinctid): the replica keeps them apart from the
 * other person lookups, in DistinctIdLookup (`traits/distinct_id.rs`, `postgres/distinct_id.rs`).
 */
export const DISTINCT_ID_LOOKUP: DomainFacts = {
  ...DOMAIN_FACTS.person,
  rustTrait: "DistinctIdLookup",
  rustModule: "distinct_id",
};

/** Which domain a table's data naturally belongs to, to suggest one. */
export const TABLE_DOMAIN: Readonly<Record<string, Domain>> = {
  posthog_person: "person",
  posthog_persondistinctid: "person",
  posthog_personlessdistinctid: "person",
  posthog_personoverride: "person",
  posthog_group: "group",
  posthog_grouptypemapping: "group",
  posthog_cohortpeople: "cohort",
  posthog_featureflaghashkeyoverride: "feature_flag",
};
