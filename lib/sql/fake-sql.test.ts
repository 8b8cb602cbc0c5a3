import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fakeSql } from "./fake-sql";

/** Statements and the shape read from them. */
const SHAPES: readonly (readonly [string, unknown])[] = [
  [
    "SELECT COUNT(*) AS n FROM posthog_person WHERE team_id = $1 AND is_deleted = false;",
    {
      kind: "select",
      table: "posthog_person",
      joined: [],
      on: [],
      items: "count",
      where: [
        { column: "team_id", op: "eq", param: 1 },
        { column: "is_deleted", op: "literal", value: "false" },
      ],
      limit: undefined,
    },
  ],
  [
    "select g.id, g.group_key from posthog_group g where $2 = g.team_id and g.id = any($1) limit $3",
    {
      kind: "select",
      table: "posthog_group",
      joined: [],
      on: [],
      items: ["id", "group_key"],
      where: [
        { column: "team_id", op: "eq", param: 2 },
        { column: "id", op: "any", param: 1 },
      ],
      limit: { param: 3 },
    },
  ],
  [
    "DELETE FROM posthog_group WHERE id IN (SELECT id FROM posthog_group WHERE team_id = $1 LIMIT $2 FOR UPDATE SKIP LOCKED)",
    {
      kind: "delete",
      table: "posthog_group",
      where: [{ column: "team_id", op: "eq", param: 1 }],
      limit: { param: 2 },
    },
  ],
  [
    "SELECT p.id FROM posthog_person p INNER JOIN posthog_persondistinctid d ON p.id = d.person_id AND p.team_id = d.team_id AND d.is_deleted = false WHERE p.team_id = $1 AND d.distinct_id = $2 LIMIT 1",
    {
      kind: "select",
      table: "posthog_person",
      joined: ["posthog_persondistinctid"],
      on: [
        {
          left: { table: "posthog_person", column: "id" },
          right: { table: "posthog_persondistinctid", column: "person_id" },
        },
        {
          left: { table: "posthog_person", column: "team_id" },
          right: { table: "posthog_persondistinctid", column: "team_id" },
        },
      ],
      items: ["id"],
      where: [
        { column: "is_deleted", op: "literal", value: "false" },
        { column: "team_id", op: "eq", param: 1 },
        { column: "distinct_id", op: "eq", param: 2 },
      ],
      limit: { literal: "1" },
    },
  ],
  [
    "INSERT INTO posthog_cohortpeople (cohort_id, person_id, version) VALUES ($1, $2, 0) ON CONFLICT (cohort_id, person_id) DO NOTHING RETURNING *",
    {
      kind: "insert",
      table: "posthog_cohortpeople",
      values: [
        { column: "cohort_id", value: { param: 1 } },
        { column: "person_id", value: { param: 2 } },
        { column: "version", value: { literal: "0" } },
      ],
      skipExisting: true,
    },
  ],
];

describe("fakeSql", () => {
  it("reads counts, column lists with LIMIT, batched DELETEs and INSERTs that skip existing rows", () => {
    for (const [sql, shape] of SHAPES) assert.deepEqual(fakeSql(sql), shape, sql);
  });

  it("does not remember a select list that is more than plain columns", () => {
    const sql =
      "SELECT id, to_jsonb(default_columns) AS d FROM posthog_grouptypemapping WHERE team_id = $1";
    assert.deepEqual((fakeSql(sql) as { items: unknown }).items, []);
  });

  it("reads an UPDATE with GREATEST either way round", () => {
    for (const expr of ["GREATEST(last_seen_at, $3)", "GREATEST($3, last_seen_at)"])
      assert.deepEqual(
        fakeSql(`UPDATE posthog_person SET last_seen_at = ${expr}, version = $4 WHERE id = $2`),
        {
          kind: "update",
          table: "posthog_person",
          set: [
            { column: "last_seen_at", param: 3, greatest: true },
            { column: "version", param: 4, greatest: false },
          ],
          where: [{ column: "id", op: "eq", param: 2 }],
        },
      );
  });

  it("gives a join key's columns their tables, by alias or by name, and leaves a bare column's open", () => {
    const sql =
      "SELECT * FROM posthog_person JOIN posthog_persondistinctid AS d ON posthog_person.id = d.person_id AND team_id = d.team_id";
    assert.deepEqual((fakeSql(sql) as { on: unknown }).on, [
      {
        left: { table: "posthog_person", column: "id" },
        right: { table: "posthog_persondistinctid", column: "person_id" },
      },
      {
        left: { column: "team_id" },
        right: { table: "posthog_persondistinctid", column: "team_id" },
      },
    ]);
  });

  it("gives a reason for what a fake cannot mirror", () => {
    const reason = (sql: string) => (fakeSql(sql) as { unsupported?: string }).unsupported;
    assert.equal(reason("SELECT 1 FROM t WHERE a = $1 OR b = $2"), "the conditions use OR");
    assert.match(reason("SELECT * FROM t LEFT JOIN u ON t.a = u.b")!, /beyond one table/);
    assert.match(reason("SELECT * FROM t JOIN u ON t.a = u.b OR t.c = u.d")!, /beyond one table/);
    assert.match(reason("SELECT * FROM t LIMIT ALL")!, /LIMIT ALL/);
    assert.match(reason("MERGE INTO t USING u ON true")!, /not MERGE/);
    assert.match(reason("INSERT INTO t (a, b) VALUES ($1)")!, /different number/);
    assert.match(
      reason("INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET a = $1")!,
      /expected NOTHING/,
    );
    assert.match(reason("SELECT * FROM t WHERE a = 'x'")!, /a is compared with 'x'/);
    assert.match(reason("UPDATE t SET a = GREATEST(b, $1)")!, /GREATEST over b for a/);
    assert.match(reason("SELECT * FROM t WHERE a = 'unclosed")!, /unclosed string/);
    assert.match(reason("SELECT * FROM t WHERE a = 1.5e3")!, /compared with 1\.5e3/);
    // A qualifier must name one table of the FROM, as PostgreSQL reads it.
    assert.match(reason("SELECT * FROM t x JOIN u x ON x.a = x.b")!, /x names two tables/);
    assert.match(reason("SELECT * FROM t x JOIN u y ON t.a = y.b")!, /t names no table/);
  });

  it("answers any text quickly, with reasons of bounded length", () => {
    const words = fc.constantFrom(
      "SELECT",
      "DELETE",
      "UPDATE",
      "FROM",
      "WHERE",
      "AND",
      "OR",
      "=",
      "$1",
      "ANY",
      "(",
      ")",
      ",",
      "t",
      "a",
      "'",
      "LIMIT",
      "x".repeat(100),
    );
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 60 }),
        fc.string({ maxLength: 30 }),
        (parts, noise) => {
          const result = fakeSql(`${parts.join(" ")} ${noise}`);
          if ("unsupported" in result)
            assert.ok(result.unsupported.length < 200, result.unsupported);
        },
      ),
    );
    const long = `SELECT * FROM t WHERE ${"a = $1 AND ".repeat(2000)}b = $2`;
    const start = performance.now();
    const result = fakeSql(long);
    assert.ok("where" in result);
    assert.equal(result.where.length, 2001);
    assert.ok(performance.now() - start < 500);
  });
});
