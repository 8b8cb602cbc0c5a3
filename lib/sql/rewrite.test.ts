import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { addPredicate, nextPlaceholder } from "./rewrite";
import { dropColumnCast } from "./rewrite-cast";

const PDI = "posthog_persondistinctid";

function add(sql: string, alias = PDI, table = PDI): string | null {
  return addPredicate(sql, { table, alias }, "team_id", "$9")?.sql ?? null;
}

describe("addPredicate", () => {
  const cases: [string, string, string | null, string?][] = [
    [
      "appends to the WHERE",
      `SELECT * FROM ${PDI} WHERE distinct_id = $1`,
      `SELECT * FROM ${PDI} WHERE distinct_id = $1 AND team_id = $9`,
    ],
    [
      "makes a WHERE before ORDER BY and LIMIT",
      `SELECT * FROM ${PDI} ORDER BY id LIMIT 5`,
      `SELECT * FROM ${PDI} WHERE team_id = $9 ORDER BY id LIMIT 5`,
    ],
    [
      "wraps a condition with a top-level OR",
      `SELECT * FROM ${PDI} WHERE distinct_id = $1 OR person_id = $2 FOR UPDATE`,
      `SELECT * FROM ${PDI} WHERE (distinct_id = $1 OR person_id = $2) AND team_id = $9 FOR UPDATE`,
    ],
    [
      "leaves an OR inside parentheses alone",
      `SELECT * FROM ${PDI} WHERE (a OR b) AND c`,
      `SELECT * FROM ${PDI} WHERE (a OR b) AND c AND team_id = $9`,
    ],
    [
      "qualifies by the alias, in the query level that reads the table",
      `SELECT p.id FROM posthog_person p WHERE EXISTS (SELECT 1 FROM ${PDI} d WHERE d.person_id = p.id) AND p.team_id = $1`,
      `SELECT p.id FROM posthog_person p WHERE EXISTS (SELECT 1 FROM ${PDI} d WHERE d.person_id = p.id AND d.team_id = $9) AND p.team_id = $1`,
      "d",
    ],
    [
      "qualifies by the table name when the level has several relations",
      `SELECT 1 FROM ${PDI} JOIN posthog_person p ON p.id = person_id`,
      `SELECT 1 FROM ${PDI} JOIN posthog_person p ON p.id = person_id WHERE ${PDI}.team_id = $9`,
    ],
    [
      "puts it into the ON of a LEFT JOIN's nullable side",
      `SELECT 1 FROM posthog_person p LEFT JOIN ${PDI} d ON d.person_id = p.id WHERE p.team_id = $1`,
      `SELECT 1 FROM posthog_person p LEFT JOIN ${PDI} d ON d.person_id = p.id AND d.team_id = $9 WHERE p.team_id = $1`,
      "d",
    ],
    [
      "gives up on a RIGHT JOIN's nullable side",
      `SELECT 1 FROM ${PDI} d RIGHT JOIN posthog_person p ON d.person_id = p.id`,
      null,
      "d",
    ],
    [
      "works in UPDATE and DELETE",
      `UPDATE ${PDI} SET version = $2 WHERE distinct_id = $1 RETURNING id`,
      `UPDATE ${PDI} SET version = $2 WHERE distinct_id = $1 AND team_id = $9 RETURNING id`,
    ],
    [
      "makes a WHERE for a DELETE without one",
      `DELETE FROM ${PDI}`,
      `DELETE FROM ${PDI} WHERE team_id = $9`,
    ],
    [
      "stops before ON CONFLICT in INSERT … SELECT",
      `INSERT INTO x (a) SELECT p.person_id FROM ${PDI} p WHERE p.distinct_id = $1 ON CONFLICT DO NOTHING`,
      `INSERT INTO x (a) SELECT p.person_id FROM ${PDI} p WHERE p.distinct_id = $1 AND p.team_id = $9 ON CONFLICT DO NOTHING`,
      "p",
    ],
    [
      "reads a CTE and a subquery in FROM as levels of their own",
      `WITH c AS (SELECT person_id FROM ${PDI} WHERE distinct_id = $1) SELECT * FROM c`,
      `WITH c AS (SELECT person_id FROM ${PDI} WHERE distinct_id = $1 AND team_id = $9) SELECT * FROM c`,
    ],
    [
      "ignores WHERE in strings and comments, and keeps them",
      `SELECT 'FROM ${PDI} WHERE' FROM ${PDI} /* WHERE */ WHERE distinct_id = 'x WHERE y' -- WHERE`,
      `SELECT 'FROM ${PDI} WHERE' FROM ${PDI} /* WHERE */ WHERE distinct_id = 'x WHERE y' AND team_id = $9 -- WHERE`,
    ],
    [
      "accepts a quoted alias and a schema",
      `SELECT * FROM public.${PDI} AS "D" WHERE "D".distinct_id = $1`,
      `SELECT * FROM public.${PDI} AS "D" WHERE "D".distinct_id = $1 AND "D".team_id = $9`,
      "D",
    ],
    [
      "gives up when the table is read twice under one name",
      `DELETE FROM ${PDI} WHERE id IN (SELECT id FROM ${PDI} LIMIT 5)`,
      null,
    ],
    ["gives up when the alias is not in the text", `SELECT * FROM ${PDI} d`, null, "x"],
  ];
  for (const [name, sql, expected, alias] of cases) {
    it(name, () => assert.equal(add(sql, alias), expected));
  }

  it("says which predicate it wrote", () => {
    const out = addPredicate(`SELECT 1 FROM ${PDI} d`, { table: PDI, alias: "d" }, "team_id", "$2");
    assert.equal(out?.predicate, "d.team_id = $2");
  });

  it("never throws, and only ever inserts text", () => {
    const words = fc.constantFrom(
      "SELECT",
      "FROM",
      PDI,
      "d",
      "WHERE",
      "OR",
      "AND",
      "JOIN",
      "LEFT",
      "ON",
      "(",
      ")",
      ",",
      "'",
      "x = 1",
      "LIMIT",
      "--",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        const sql = parts.join(" ");
        for (const alias of [PDI, "d"]) {
          const out = add(sql, alias);
          if (out === null) continue;
          // Every character of the input survives, in order.
          let i = 0;
          for (const ch of out) if (ch === sql[i]) i++;
          assert.equal(i, sql.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("is linear: 200,000 characters of nesting take seconds, not hours", () => {
    for (const body of ["(".repeat(200_000), "a OR ".repeat(40_000), "x, ".repeat(60_000)]) {
      const started = performance.now();
      add(`SELECT * FROM ${PDI} WHERE ${body}`);
      assert.ok(performance.now() - started < 5000, body.slice(0, 10));
    }
  });
});

describe("nextPlaceholder", () => {
  it("is one past the highest placeholder", () => {
    assert.equal(nextPlaceholder("SELECT $1, $3"), "$4");
    assert.equal(nextPlaceholder("SELECT 1"), "$1");
  });
});

describe("dropColumnCast", () => {
  const person = { table: "posthog_person", alias: "p" };
  const cases: [string, string | null][] = [
    [
      "SELECT id FROM posthog_person p WHERE p.uuid::text = $2",
      "SELECT id FROM posthog_person p WHERE p.uuid = $2",
    ],
    [
      "SELECT 1 FROM posthog_person p WHERE uuid::character varying(40)::text = $1",
      "SELECT 1 FROM posthog_person p WHERE uuid = $1",
    ],
    // Another alias's column, a string and a comment are not the reference's column.
    ["SELECT 1 FROM posthog_person p, x WHERE x.uuid::text = 'uuid::text' -- uuid::text", null],
    ["SELECT 1 FROM posthog_person p WHERE p.uuid = $1::uuid", null],
    // A join key: without the cast it would compare uuid with text.
    ["SELECT 1 FROM posthog_person p JOIN d ON p.uuid::text = d.distinct_id", null],
    ["SELECT 1 FROM posthog_person p JOIN d ON d.distinct_id = p.uuid::text", null],
    [
      "SELECT 1 FROM posthog_person p WHERE p.uuid::text = ANY($1)",
      "SELECT 1 FROM posthog_person p WHERE p.uuid = ANY($1)",
    ],
    // A bare name is the person's only where its query level reads the person table alone.
    [
      "SELECT 1 FROM posthog_person p WHERE uuid::text = $1 AND p.id IN (SELECT person_id FROM g WHERE uuid::text = $2)",
      "SELECT 1 FROM posthog_person p WHERE uuid = $1 AND p.id IN (SELECT person_id FROM g WHERE uuid::text = $2)",
    ],
    ["SELECT 1 FROM posthog_person p, g WHERE uuid::text = $1", null],
  ];
  for (const [sql, expected] of cases) {
    it(sql, () => assert.equal(dropColumnCast(sql, person, "uuid"), expected));
  }
});
