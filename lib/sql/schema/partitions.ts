/**
 * The names PostgreSQL objects get on each partition of a hash-partitioned table, from the schema
 * objects: the DDL creates them under these names and the plan analysis folds them back into the
 * table and index the schema names. A partition is `<table>_p<remainder>`; a per-partition index's
 * schema name holds `{N}` where the remainder goes.
 */
import { SCHEMA } from "./index";
import type { IndexSpec, TableSpec } from "./types";

/** Every partition name of a hash-partitioned table, in remainder order. */
export function partitionNames(table: TableSpec): string[] {
  const count = table.partitions?.count ?? 0;
  return Array.from({ length: count }, (_, i) => `${table.name}_p${i}`);
}

/** The name of a per-partition index on the partition with this remainder. */
export function partitionIndexName(index: IndexSpec, remainder: number): string {
  return index.name.replace("{N}", String(remainder));
}

const PARTITION_TABLES = new Map(
  SCHEMA.flatMap((table) => partitionNames(table).map((part) => [part, table.name] as const)),
);

const PARTITION_INDEXES = new Map(
  SCHEMA.flatMap((table) =>
    table.indexes
      .filter((index) => index.perPartition)
      .flatMap((index) =>
        partitionNames(table).map((_, n) => [partitionIndexName(index, n), index.name] as const),
      ),
  ),
);

/** `posthog_person_p7` → `posthog_person`; undefined for a name that is no partition. */
export function tableOfPartition(name: string): string | undefined {
  return PARTITION_TABLES.get(name);
}

/** `posthog_person_p7_id_idx` → `posthog_person_p{N}_id_idx`; undefined for any other name. */
export function indexOfPartitionIndex(name: string): string | undefined {
  return PARTITION_INDEXES.get(name);
}
