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
}

export const PERSONHOG_TABLES: readonly PersonhogTable[] = [
  { name: "posthog_person", category: "PersonData", holds: "persons" },
  { name: "posthog_persondistinctid", category: "PersonData", holds: "distinct ids of persons" },
  { name: "posthog_group", category: "NonPersonData", holds: "groups" },
  { name: "posthog_grouptypemapping", category: "NonPersonData", holds: "group types per project" },
  { name: "posthog_cohortpeople", category: "NonPersonData", holds: "cohort membership" },
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
