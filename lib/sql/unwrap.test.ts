import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { unwrapColumn } from "./rewrite-unwrap";
import { findTable } from "./schema";
import { unwrapOf, type Unwrap } from "./unwrap";

const table = (name: string) => {
  const t = findTable(name);
  assert.ok(t);
  return t;
};

describe("which wrapped columns can be given back bare (as printed)", () => {
  const cases: [string, string, string, Unwrap | undefined][] = [
    ["posthog_person", "id", "(id + 0)", { kind: "shift", op: "+", amount: "0" }],
    ["posthog_person", "id", "(p.id - $3)", { kind: "shift", op: "-", amount: "$3" }],
    ["posthog_person", "id", "(1 + id)", { kind: "shift", op: "+", amount: "1" }],
    [
      "posthog_person",
      "id",
      "(id + '1'::bigint)",
      { kind: "shift", op: "+", amount: "'1'::bigint" },
    ],
    ["posthog_person", "team_id", "(COALESCE(team_id, 0))", { kind: "coalesce" }],
    // Never null by a CHECK, not by the column.
    [
      "posthog_grouptypemapping",
      "project_id",
      "(COALESCE(project_id, '0'::bigint))",
      { kind: "coalesce" },
    ],
    // Each of these changes the answer when unwrapped.
    ["posthog_person", "id", "(1 - id)", undefined],
    ["posthog_person", "id", "(id * 2)", undefined],
    ["posthog_person", "merged_into_id", "(COALESCE(merged_into_id, '0'::bigint))", undefined],
    ["posthog_person", "team_id", "(COALESCE(team_id, 0) + COALESCE(team_id, 1))", undefined],
    ["posthog_person", "created_at", "(created_at + '1 day'::interval)", undefined],
  ];
  for (const [name, column, key, expected] of cases) {
    it(key, () => assert.deepEqual(unwrapOf(table(name), { alias: null, column, key }), expected));
  }
});

describe("unwrapColumn writes the column bare where the statement wraps it", () => {
  const P = { table: "posthog_person", alias: "posthog_person" };
  const shift = (op: "+" | "-", amount: string): Unwrap => ({ kind: "shift", op, amount });
  const cases: [string, string, Unwrap, string | null][] = [
    ["WHERE team_id = $1 AND id + 0 = $2", "id", shift("+", "0"), "WHERE team_id = $1 AND id = $2"],
    ["WHERE id - 1 = $2", "id", shift("-", "1"), "WHERE id = $2::bigint + 1"],
    ["WHERE $2 <= (1 + id)", "id", shift("+", "1"), "WHERE $2::bigint - 1 <= id"],
    ["WHERE (id + 1) = 5", "id", shift("+", "1"), "WHERE id = 4"],
    ["WHERE id - $3 > $2::bigint", "id", shift("-", "$3"), "WHERE id > $2::bigint + $3::bigint"],
    ["WHERE COALESCE( team_id ,0) = $1", "team_id", { kind: "coalesce" }, "WHERE team_id = $1"],
    [
      "WHERE coalesce(team_id, coalesce(team_id, 0)) = $1",
      "team_id",
      { kind: "coalesce" },
      "WHERE team_id = $1",
    ],
    // Left alone: the value is bound to more than the comparison, the fallback holds a placeholder.
    ["WHERE id + 1 = $2 * 3", "id", shift("+", "1"), null],
    ["WHERE id + 1 = ANY($2)", "id", shift("+", "1"), null],
    ["WHERE coalesce(team_id, $3) = $1", "team_id", { kind: "coalesce" }, null],
    ["WHERE 'id + 1 = $2' = x", "id", shift("+", "1"), null],
  ];
  for (const [where, column, unwrap, expected] of cases) {
    it(where, () => {
      const sql = `SELECT 1 FROM posthog_person ${where}`;
      const out = unwrapColumn(sql, P, column, "bigint", unwrap);
      assert.equal(out, expected && `SELECT 1 FROM posthog_person ${expected}`);
    });
  }

  it("touches only the target's alias", () => {
    const sql =
      "SELECT 1 FROM posthog_person p, posthog_person q WHERE q.id + 1 = $1 AND p.id + 1 = $2";
    const out = unwrapColumn(
      sql,
      { table: "posthog_person", alias: "p" },
      "id",
      "bigint",
      shift("+", "1"),
    );
    assert.equal(
      out,
      "SELECT 1 FROM posthog_person p, posthog_person q WHERE q.id + 1 = $1 AND p.id = $2::bigint - 1",
    );
  });

  it("takes a bare name as the target's only where its query level reads the target alone", () => {
    const coalesce: Unwrap = { kind: "coalesce" };
    const inner = "IN (SELECT id FROM posthog_grouptypemapping WHERE COALESCE(team_id, 0) = $2)";
    assert.equal(
      unwrapColumn(
        `SELECT 1 FROM posthog_person WHERE COALESCE(team_id, 0) = $1 AND id ${inner}`,
        P,
        "team_id",
        "bigint",
        coalesce,
      ),
      `SELECT 1 FROM posthog_person WHERE team_id = $1 AND id ${inner}`,
    );
    const joined =
      "SELECT 1 FROM posthog_person JOIN g ON g.x = id WHERE COALESCE(team_id, 0) = $1";
    assert.equal(unwrapColumn(joined, P, "team_id", "bigint", coalesce), null);
  });

  it("folds whole-number shifts exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 62n }), fc.nat(1000), (v, a) => {
        const out = unwrapColumn(
          `SELECT 1 FROM posthog_person WHERE id + ${a} = ${v}`,
          P,
          "id",
          "bigint",
          shift("+", String(a)),
        );
        assert.equal(out, `SELECT 1 FROM posthog_person WHERE id = ${v - BigInt(a)}`);
      }),
    );
  });
});
