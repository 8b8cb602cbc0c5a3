import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { conjuncts, parseAtom, parseCondition, stripOuterParens } from "./conditions";
import { itAnswersEach } from "../test-cases";
import CASES from "./conditions.cases.json" with { type: "json" };

describe("stripOuterParens", () => {
  itAnswersEach({ stripOuterParens }, CASES);

  it("peels any depth in one scan", () => {
    const depth = 100_000;
    assert.equal(stripOuterParens(`${"(".repeat(depth)}a = 1${")".repeat(depth)}`), "a = 1");
  });
});

describe("conjuncts", () => {
  it("splits top-level ANDs and flattens nested ones", () => {
    assert.deepEqual(conjuncts("((team_id = $1) AND ((distinct_id)::text = 'a AND b'::text))"), [
      "team_id = $1",
      "(distinct_id)::text = 'a AND b'::text",
    ]);
    assert.deepEqual(conjuncts("(((a = 1) AND (b = 2)) AND (c = 3))"), ["a = 1", "b = 2", "c = 3"]);
  });

  it("keeps an OR together", () => {
    assert.deepEqual(
      conjuncts("(((NOT $3) OR ((group_key)::text ~~* $4)) AND (group_type_index = $2))"),
      ["(NOT $3) OR ((group_key)::text ~~* $4)", "group_type_index = $2"],
    );
  });
});

describe("parseAtom", () => {
  const cases: [string, object][] = [
    [
      "team_id = $1",
      { shape: "eq-value", column: { alias: null, column: "team_id" }, value: "$1" },
    ],
    [
      "(distinct_id)::text = 'x'::text",
      { shape: "eq-value", column: { alias: null, column: "distinct_id", cast: "::text" } },
    ],
    [
      "(p.uuid)::text = $2",
      { shape: "eq-value", column: { alias: "p", column: "uuid", cast: "::text" } },
    ],
    ["id = ANY ($2)", { shape: "eq-any", column: { alias: null, column: "id" } }],
    [
      "cohort_id = ANY ('{1,2}'::bigint[])",
      { shape: "eq-any", column: { alias: null, column: "cohort_id" } },
    ],
    [
      "d.person_id = p.id",
      {
        shape: "eq-column",
        column: { alias: "d", column: "person_id" },
        other: { alias: "p", column: "id" },
      },
    ],
    [
      "b.distinct_id = (d.distinct_id)::text",
      { shape: "eq-column", column: { alias: "b", column: "distinct_id" } },
    ],
    [
      "NOT is_deleted",
      { shape: "eq-value", column: { alias: null, column: "is_deleted" }, value: "false" },
    ],
    ["is_deleted", { shape: "eq-value", value: "true" }],
    ["id > $3", { shape: "range", column: { alias: null, column: "id" } }],
    [
      "ROW(created_at, id) < ROW($6, $7)",
      { shape: "range", column: { alias: null, column: "created_at" } },
    ],
    [
      "merged_into_id IS NOT NULL",
      { shape: "not-null", column: { alias: null, column: "merged_into_id" } },
    ],
    ["(group_key)::text ~~* $4", { shape: "other" }],
    ["(NOT $3) OR ((group_key)::text ~~* $4)", { shape: "other" }],
    ["$1 = team_id", { shape: "eq-value", column: { alias: null, column: "team_id" } }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${text}`, () => {
      const atom = parseAtom(text);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(atom[key as keyof typeof atom], value, `${key} of ${text}`);
      }
    });
  }

  it("marks pattern matches and keeps a range's value", () => {
    const like = parseAtom("((distinct_id)::text ~~ 'abc%'::text)");
    assert.deepEqual(
      [like.shape, like.pattern, like.column?.column],
      ["other", true, "distinct_id"],
    );
    const bound = parseAtom("((distinct_id)::text >= 'abc'::text)");
    assert.deepEqual([bound.shape, bound.value], ["range", "'abc'::text"]);
    assert.equal(parseAtom("(id > $3)").value, "$3");
  });

  it("says which end a range bounds, whichever side the column is on", () => {
    const ends = ["(id > $3)", "($3 > id)", "(id <= $3)", "((properties ->> 'n'::text) >= $2)"];
    assert.deepEqual(
      ends.map((c) => parseAtom(c).bound),
      ["lower", "upper", "upper", "lower"],
    );
  });

  it("reads each branch of an OR, one level deep", () => {
    const atom = parseAtom("((p.id = $2) OR ((p.uuid = $3) AND (p.team_id = $1)))");
    assert.equal(atom.shape, "other");
    assert.deepEqual(
      atom.arms?.map((arm) => arm.map((a) => [a.shape, a.column?.column])),
      [
        [["eq-value", "id"]],
        [
          ["eq-value", "uuid"],
          ["eq-value", "team_id"],
        ],
      ],
    );
    const nested = parseAtom("((id = $1) OR ((uuid = $2) OR (id = $3)))");
    assert.equal(nested.arms?.[1]?.[0]?.arms, undefined);
    assert.equal(parseAtom("(id = $1)").arms, undefined);
  });

  it("keeps the expression a comparison with a value constrains", () => {
    const atom = parseAtom("(properties ->> 'email'::text) = $2");
    assert.equal(atom.shape, "eq-value");
    assert.equal(atom.column, undefined);
    assert.equal(atom.expr?.key, "(properties ->> 'email')");
    assert.equal(atom.expr?.column, "properties");
    assert.equal(parseAtom("lower((p.email)::text) = ANY ($3)").shape, "eq-any");
    assert.equal(parseAtom("lower((p.email)::text) = ANY ($3)").expr?.alias, "p");
  });

  it("names a jsonb document filter as a whole", () => {
    const atom = parseAtom("properties @> $2");
    assert.equal(atom.shape, "other");
    assert.equal(atom.expr?.key, "(properties @> $2)");
  });

  it("reads a join on expressions of two relations as a join key", () => {
    const atom = parseAtom("(p2.properties ->> 'email'::text) = (p1.properties ->> 'email'::text)");
    assert.equal(atom.shape, "eq-column");
    assert.equal(atom.expr?.alias, "p2");
    assert.deepEqual(atom.other, { alias: "p1", column: "properties" });
    assert.equal(atom.otherExpr?.key, "(properties ->> 'email')");
  });

  it("keeps the array of an ANY", () => {
    assert.equal(parseAtom("id = ANY ('{1,2}'::bigint[])").list, "ANY ('{1,2}'::bigint[])");
  });

  it("lists the columns an unrecognised condition mentions", () => {
    const atom = parseAtom("(NOT $3) OR ((group_key)::text ~~* $4)");
    assert.deepEqual(
      atom.refs.map((r) => r.column),
      ["group_key"],
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        parseCondition(text);
      }),
      { numRuns: 3000 },
    );
  });
});
