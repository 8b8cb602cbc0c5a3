import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sharedLabDatabase } from "../sql/test-lab";
import { parseColumnAlias } from "../sql/sqlx-column-alias";
import {
  describeQueries,
  renderDescribeFile,
  rustTypeOf,
  sqlxQueries,
  type QueryTypes,
} from "./sqlx-describe";

describe("sqlx's rules, without a database", () => {
  it("reads the column-name overrides", () => {
    assert.deepEqual(parseColumnAlias("count"), {
      name: "count",
      nullability: null,
      override: null,
    });
    assert.deepEqual(parseColumnAlias("id!"), { name: "id", nullability: "!", override: null });
    assert.deepEqual(parseColumnAlias("props?: serde_json::Value"), {
      name: "props",
      nullability: "?",
      override: "serde_json::Value",
    });
    assert.deepEqual(parseColumnAlias("n: i64"), { name: "n", nullability: null, override: "i64" });
  });

  it("maps PostgreSQL types to the Rust types sqlx decodes", () => {
    assert.equal(rustTypeOf(23), "i32");
    assert.equal(rustTypeOf(20), "i64");
    assert.equal(rustTypeOf(3802), "::sqlx::types::JsonValue");
    assert.equal(rustTypeOf(1007), "::std::vec::Vec<i32>");
    assert.equal(rustTypeOf(1700), null, "numeric needs a feature sqlx has off by default");
  });

  it("finds each macro's SQL literal, not the runtime builders", () => {
    const rust = [
      'let a = sqlx::query_as!(Group, r#"SELECT 1 AS "x!""#, id).fetch_one(c);',
      'let b = sqlx::query_scalar!(\n    "SELECT \\"n\\" FROM t WHERE a = $1",\n    a\n);',
      'let c = sqlx::query!("DELETE FROM t");',
      'let d = sqlx::query_scalar::<_, i64>("SELECT 2");',
    ].join("\n");
    assert.deepEqual(sqlxQueries(rust), [
      { literal: 'r#"SELECT 1 AS "x!""#', sql: 'SELECT 1 AS "x!"' },
      { literal: '"SELECT \\"n\\" FROM t WHERE a = $1"', sql: 'SELECT "n" FROM t WHERE a = $1' },
      { literal: '"DELETE FROM t"', sql: "DELETE FROM t" },
    ]);
  });

  it("writes one entry per literal, errors included", () => {
    const types: QueryTypes = { params: ["i32"], columns: [{ name: "n", rust: "i64" }] };
    assert.equal(
      renderDescribeFile([
        { literal: '"SELECT $1"', types },
        { literal: 'r#"bad"#', types: 'relation "x" does not exist' },
      ])
        .split("\n")
        .slice(2)
        .join("\n"),
      '"SELECT $1" => { params(i32), columns("n": i64) }\nr#"bad"# => { error("relation \\"x\\" does not exist") }\n',
    );
  });
});

describe("what PostgreSQL describes, as sqlx types it", () => {
  const lab = sharedLabDatabase();

  async function typesOf(sql: string): Promise<QueryTypes | string> {
    return (await describeQueries(lab().db, [sql])).get(sql)!;
  }

  it("decodes int4 as i32 and NOT NULL jsonb as a plain Value", async () => {
    const t = await typesOf(
      "SELECT id, team_id, group_properties FROM posthog_group WHERE team_id = $1 LIMIT $2",
    );
    assert.deepEqual(t, {
      params: ["i32", "i64"],
      columns: [
        { name: "id", rust: "i32" },
        { name: "team_id", rust: "i32" },
        { name: "group_properties", rust: "::sqlx::types::JsonValue" },
      ],
    });
  });

  it("makes expressions and nullable columns Options unless the alias says `!`", async () => {
    const t = await typesOf(
      'SELECT COUNT(*), COUNT(*) AS "n!", id::bigint AS "id!", version, properties AS "p?" FROM posthog_person WHERE team_id = $1 GROUP BY id, version, properties',
    );
    assert.deepEqual(t, {
      params: ["i32"],
      columns: [
        { name: "count", rust: "::core::option::Option<i64>" },
        { name: "n", rust: "i64" },
        { name: "id", rust: "i64" },
        { name: "version", rust: "::core::option::Option<i64>" },
        { name: "p", rust: "::core::option::Option<::sqlx::types::JsonValue>" },
      ],
    });
  });

  it("takes a type override and refuses one that is not a Rust type", async () => {
    const t = await typesOf('SELECT 1 AS "a!: MyId", 2 AS "b: x; drop"');
    assert.deepEqual(t, {
      params: [],
      columns: [
        { name: "a", rust: "MyId" },
        { name: "b", rust: 'unsupported("x; drop")' },
      ],
    });
  });

  it("names types sqlx cannot map, and passes PostgreSQL's errors on", async () => {
    const t = await typesOf("SELECT 1.5::numeric AS x");
    assert.deepEqual(t, { params: [], columns: [{ name: "x", rust: 'unsupported("numeric")' }] });
    assert.match(String(await typesOf("SELECT nope FROM nowhere")), /"nowhere" does not exist/);
  });

  it("describes the statement without running it", async () => {
    await typesOf("DELETE FROM posthog_group WHERE team_id = $1");
    const { rows } = await lab().db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_prepared_statements",
    );
    assert.equal(rows[0]!.n, 0);
  });
});
