import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { partitionNames } from "./schema/partitions";
import { expressionKey } from "./expressions";
import { SCHEMA } from "./schema";
import { bootLab } from "./boot";
import { sharedLabDatabase } from "./test-lab";

const getLab = sharedLabDatabase(bootLab);

interface IndexRow {
  name: string;
  unique: boolean;
  keys: string[];
  include: string[];
  predicate: string | null;
}

/** Each index of a table as PostgreSQL itself describes it, read back from the catalogue. */
async function indexesOf(table: string): Promise<Map<string, IndexRow>> {
  const { rows } = await getLab().db.query<IndexRow>(
    `SELECT c.relname AS name, i.indisunique AS unique,
            ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[] AS keys,
            ARRAY(SELECT a.attname FROM unnest(i.indkey[i.indnkeyatts:]) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS include,
            pg_get_expr(i.indpred, i.indrelid) AS predicate
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = $1`,
    [table],
  );
  return new Map(rows.map((r) => [r.name, r]));
}

describe("the DDL builds exactly the schema the objects describe", () => {
  for (const table of SCHEMA) {
    it(`${table.name}: columns, indexes, constraints`, async () => {
      const db = getLab().db;
      const columns = await db.query<{ name: string; type: string; notnull: boolean }>(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS notnull
         FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        [table.name],
      );
      assert.deepEqual(
        columns.rows.map((c) => [c.name, c.notnull]),
        table.columns.map((c) => [c.name, c.notNull]),
      );
      const actual = await indexesOf(table.name);
      for (const spec of table.indexes.filter((i) => !i.perPartition)) {
        const found = actual.get(spec.name);
        assert.ok(found, `${spec.name} missing`);
        assert.equal(found.unique, spec.unique, `${spec.name} uniqueness`);
        // An expression key comes back as PostgreSQL prints it: compare as the reasoning keys it.
        const keys = found.keys.map((k) => (/^[a-z_][a-z0-9_]*$/.test(k) ? k : expressionKey(k)));
        assert.deepEqual(keys, spec.columns, `${spec.name} columns`);
        assert.deepEqual(found.include, spec.include ?? [], `${spec.name} include`);
        assert.equal(found.predicate === null, spec.where === undefined, `${spec.name} predicate`);
      }
      assert.equal(
        actual.size,
        table.indexes.filter((i) => !i.perPartition).length,
        "no extra indexes",
      );
      for (const fk of [...(table.foreignKeys ?? []), ...(table.checks ?? [])]) {
        const { rows } = await db.query("SELECT 1 FROM pg_constraint WHERE conname = $1", [
          fk.name,
        ]);
        assert.equal(rows.length, 1, `${fk.name} missing`);
      }
    });
  }

  it("posthog_person has 64 hash partitions, each with its own (id) index", async () => {
    const person = SCHEMA.find((t) => t.name === "posthog_person");
    assert.ok(person);
    const parts = partitionNames(person);
    assert.equal(parts.length, 64);
    const { rows } = await getLab().db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'posthog_person'::regclass",
    );
    assert.equal(rows[0]?.n, 64);
    for (const part of [parts[0], parts[63]]) {
      const indexes = await indexesOf(part ?? "");
      assert.deepEqual(indexes.get(`${part}_id_idx`)?.keys, ["id"]);
    }
  });
});
