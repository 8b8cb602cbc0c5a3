import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SCHEMA } from "./index";
import {
  indexOfPartitionIndex,
  partitionIndexName,
  partitionNames,
  tableOfPartition,
} from "./partitions";

const partitioned = SCHEMA.filter((t) => t.partitions);

describe("partition names", () => {
  it("fold every partition back into its table, and leave other names alone", () => {
    assert.ok(partitioned.length > 0);
    for (const table of partitioned) {
      const parts = partitionNames(table);
      assert.equal(parts.length, table.partitions?.count);
      for (const part of parts) assert.equal(tableOfPartition(part), table.name);
      assert.equal(tableOfPartition(`${table.name}_p${parts.length}`), undefined);
    }
    for (const table of SCHEMA) assert.equal(tableOfPartition(table.name), undefined);
  });

  it("fold every per-partition index back into the schema's index, and only those", () => {
    const perPartition = partitioned.flatMap((t) =>
      t.indexes.filter((ix) => ix.perPartition).map((ix) => ({ table: t, ix })),
    );
    assert.deepEqual(
      perPartition.map((p) => p.ix.name),
      ["posthog_person_p{N}_id_idx"],
    );
    for (const { table, ix } of perPartition) {
      for (const n of [0, 7, (table.partitions?.count ?? 0) - 1]) {
        const name = partitionIndexName(ix, n);
        assert.equal(name, `${table.name}_p${n}_id_idx`);
        assert.equal(indexOfPartitionIndex(name), ix.name);
      }
    }
    for (const table of SCHEMA) {
      for (const ix of table.indexes) assert.equal(indexOfPartitionIndex(ix.name), undefined);
    }
  });
});
