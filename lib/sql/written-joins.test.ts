import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writtenEqualities } from "./written-joins";

const pairs = (sql: string) =>
  writtenEqualities(sql).map(
    (e) => `${e.left.alias}.${e.left.column}=${e.right.alias}.${e.right.column}`,
  );

describe("join keys as written", () => {
  it("reads whole columns on both sides, casts and quoted names included", () => {
    assert.deepEqual(pairs(`SELECT 1 FROM a x JOIN b y ON x.c::text = y.d AND ("x".e=y."F")`), [
      "x.c=y.d",
      "x.e=y.F",
    ]);
  });

  it("skips arithmetic on either side, comments and strings", () => {
    const sql = `SELECT 1 FROM a x, b y WHERE x.a + 1 = y.b AND x.c = y.d * 2 AND x.e = 'y.f' -- x.g = y.h`;
    assert.deepEqual(pairs(sql), []);
  });

  it("reads the one column a subquery returns, named by its alias or its table", () => {
    const sql =
      "SELECT 1 FROM p WHERE p.id = (SELECT d.id FROM pdi d) AND p.a IN (SELECT b FROM t AS u WHERE x) AND p.c = ANY (SELECT e FROM cp LIMIT 5) AND p.f = (SELECT g, h FROM t)";
    assert.deepEqual(pairs(sql), ["p.id=d.id", "p.a=u.b", "p.c=cp.e"]);
  });

  it("reads a WITH query's column as the table column it names", () => {
    const sql =
      "WITH d AS MATERIALIZED (SELECT x.id AS row_id, person_id FROM pdi x WHERE (a, b) = (1, 2)), e AS (SELECT 1 FROM t) SELECT 1 FROM c JOIN d ON c.person_id = d.row_id AND c.v = d.person_id AND c.w = e.z";
    const found = writtenEqualities(sql).map((e) => [
      `${e.right.alias}.${e.right.column}`,
      e.right.via && `${e.right.via.alias}.${e.right.via.column}`,
    ]);
    assert.deepEqual(found, [
      ["x.id", "d.row_id"],
      ["x.person_id", "d.person_id"],
      ["e.z", undefined],
    ]);
  });

  it("points at each column's name, for a fix to swap", () => {
    const sql = "SELECT 1 FROM c JOIN d ON c.person_id = d.id";
    const [e] = writtenEqualities(sql);
    assert.equal(e && sql.slice(e.right.start, e.right.end), "id");
  });

  it("reads a subquery written first, and MIN or MAX of a column as that column", () => {
    const sql =
      "SELECT 1 FROM p WHERE (SELECT d.id FROM pdi d) = p.id AND p.a = (SELECT MAX(b) FROM t) AND p.c + (SELECT e.f FROM e) = p.g AND p.h = (SELECT count(i) FROM t)";
    assert.deepEqual(pairs(sql), ["d.id=p.id", "p.a=t.b"]);
  });

  it("names the table each alias means where it is written, an inner level's first", () => {
    const tables = (sql: string) =>
      writtenEqualities(sql).map((e) => `${e.left.table}=${e.right.table}`);
    const sql =
      "SELECT 1 FROM a x WHERE x.p IN (SELECT x.id FROM b x) AND x.q = (SELECT y.r FROM c y) AND (SELECT z.s FROM d z WHERE z.u = x.v) = x.t";
    assert.deepEqual(tables(sql), ["a=b", "a=c", "d=a", "d=a"]);
    // A UNION's two x at one level: not one table.
    assert.deepEqual(tables("SELECT 1 FROM a x, b y WHERE x.w = y.z UNION SELECT 1 FROM c x"), [
      "null=b",
    ]);
  });
});
