/** Folds partition names back into the names people write in SQL. */
import { SCHEMA } from "./schema";

const PARTITION_PATTERNS = SCHEMA.filter((t) => t.partitions).map((t) => ({
  parent: t.name,
  pattern: new RegExp(`^${t.name}_p\\d+$`),
}));

/** `posthog_person_p7` → `posthog_person`; any other name is returned as it is. */
export function parentTable(relation: string): string {
  return PARTITION_PATTERNS.find((p) => p.pattern.test(relation))?.parent ?? relation;
}

/**
 * The schema's name for an index the planner used. Partition indexes get generated names, so the
 * runner reads child → parent index names from the catalogue once and passes them in.
 */
export function parentIndex(index: string, indexParents: Readonly<Record<string, string>>): string {
  const parent = indexParents[index];
  if (parent) return parent;
  return index.replace(/^(posthog_person)_p\d+(_id_idx)$/, "$1_p{N}$2");
}
