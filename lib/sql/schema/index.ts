/** The persons schema: every table the lab knows, in creation order (referenced tables first). */
import type { IndexSpec, TableSpec } from "./types";
import { person, personDistinctId, personlessDistinctId } from "./person-tables";
import {
  cohortPeople,
  group,
  groupTypeMapping,
  hashKeyOverride,
  personOverride,
  personOverrideMapping,
} from "./other-tables";

export type { TableSpec, IndexSpec, ColumnSpec } from "./types";

export const SCHEMA: readonly TableSpec[] = [
  person,
  personDistinctId,
  personlessDistinctId,
  group,
  groupTypeMapping,
  cohortPeople,
  hashKeyOverride,
  personOverrideMapping,
  personOverride,
];

export function findTable(name: string): TableSpec | undefined {
  return SCHEMA.find((t) => t.name === name);
}

export function findIndex(name: string): IndexSpec | undefined {
  for (const table of SCHEMA) {
    const index = table.indexes.find((i) => i.name === name);
    if (index) return index;
  }
  return undefined;
}
