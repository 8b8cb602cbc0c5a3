/**
 * Which tables personhog serves, their data category and where their traffic is routed.
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
  /** How reads and writes are routed, as the guide states it. */
  readonly routing: string;
}

const PERSON_ROUTING = "Reads: replica (eventual) or leader (strong). Writes: leader.";
const REPLICA_ROUTING = "All operations: replica.";

export const PERSONHOG_TABLES: readonly PersonhogTable[] = [
  { name: "posthog_person", category: "PersonData", holds: "persons", routing: PERSON_ROUTING },
  {
    name: "posthog_persondistinctid",
    category: "PersonData",
    holds: "distinct ids of persons",
    routing: `Same as posthog_person. ${PERSON_ROUTING}`,
  },
  { name: "posthog_group", category: "NonPersonData", holds: "groups", routing: REPLICA_ROUTING },
  {
    name: "posthog_grouptypemapping",
    category: "NonPersonData",
    holds: "group types per project",
    routing: REPLICA_ROUTING,
  },
  {
    name: "posthog_cohortpeople",
    category: "NonPersonData",
    holds: "cohort membership",
    routing: REPLICA_ROUTING,
  },
  {
    name: "posthog_featureflaghashkeyoverride",
    category: "NonPersonData",
    holds: "feature flag hash-key overrides",
    routing: REPLICA_ROUTING,
  },
  {
    name: "posthog_personoverride",
    category: "PersonData",
    holds: "legacy person overrides",
    routing: `Follows person routing. ${PERSON_ROUTING}`,
  },
  {
    name: "posthog_personlessdistinctid",
    category: "PersonData",
    holds: "distinct ids seen before a person exists",
    routing: `Same as posthog_person. ${PERSON_ROUTING}`,
  },
];

export function personhogTable(name: string): PersonhogTable | undefined {
  return PERSONHOG_TABLES.find((t) => t.name === name);
}
