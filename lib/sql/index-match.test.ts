import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseCondition } from "./conditions";
import { chooseIndex, predicatesFor, rowCount } from "./index-match";
import { findTable } from "./schema";
import type { IndexSpec } from "./schema/types";

const person = findTable("posthog_person");
const pdi = findTable("posthog_persondistinctid");

function choose(table: typeof person, condition: string, extra: IndexSpec[] = []) {
  assert.ok(table);
  const p = predicatesFor(parseCondition(condition), "t", table);
  const choice = chooseIndex(table, p, extra);
  assert.ok(choice, condition);
  return { p, choice };
}

describe("rowCount", () => {
  it("is at most one row only for one value on every column of a unique key", () => {
    const { p, choice } = choose(person, "((t.team_id = $1) AND (t.id = $2))");
    assert.deepEqual(rowCount(choice, p), { kind: "one" });
  });

  it("is one row per value for an ANY parameter, naming the parameter", () => {
    const { p, choice } = choose(person, "((t.team_id = $1) AND (t.id = ANY ($2)))");
    assert.deepEqual(rowCount(choice, p), {
      kind: "per-value",
      column: "id",
      list: { param: "$2", count: null },
    });
  });

  it("counts an IN list written out", () => {
    const { p, choice } = choose(
      person,
      "((t.team_id = $1) AND (t.id = ANY ('{1,2,3}'::bigint[])))",
    );
    assert.deepEqual(rowCount(choice, p), {
      kind: "per-value",
      column: "id",
      list: { param: null, count: 3 },
    });
  });

  it("is one row per probe for a join key", () => {
    const { p, choice } = choose(pdi, "((t.team_id = $1) AND (t.distinct_id = b.distinct_id))");
    assert.deepEqual(rowCount(choice, p), {
      kind: "per-probe",
      column: "distinct_id",
      joinedTo: "b",
    });
  });

  it("is a range for a partly matched or non-unique index", () => {
    const { p, choice } = choose(person, "(t.team_id = $1)");
    assert.deepEqual(rowCount(choice, p), { kind: "range" });
  });

  it("one value wins over a list on the same column", () => {
    const { p, choice } = choose(
      person,
      "((t.team_id = $1) AND (t.id = ANY ($2)) AND (t.id = $3))",
    );
    assert.deepEqual(rowCount(choice, p), { kind: "one" });
  });
});

describe("expression indexes", () => {
  const email: IndexSpec = {
    name: "person_email_idx",
    kind: "index",
    unique: false,
    columns: ["team_id", "(properties ->> 'email')"],
  };

  /** The index chosen for person rows where the team and one key of `properties` are given. */
  const chosenFor = (key: string) =>
    choose(person, `((t.team_id = $1) AND ((t.properties ->> '${key}'::text) = $2))`, [email])
      .choice;

  it("match the expression a condition compares, however it is spaced", () => {
    const choice = chosenFor("email");
    assert.equal(choice.index.name, "person_email_idx");
    assert.deepEqual(choice.matched, ["team_id", "(properties ->> 'email')"]);
  });

  it("do not match another key of the same column", () => {
    assert.notEqual(chosenFor("name").index.name, "person_email_idx");
  });
});

describe("pattern matches", () => {
  it("serve no range: the bounds a LIKE prefix gets under the C collation are dropped", () => {
    assert.ok(pdi);
    const derived =
      "((t.team_id = $1) AND ((t.distinct_id)::text >= 'abc'::text) AND ((t.distinct_id)::text < 'abd'::text) AND ((t.distinct_id)::text ~~ 'abc%'::text))";
    const { p, choice } = choose(pdi, derived);
    assert.deepEqual(choice.matched, ["team_id"]);
    assert.ok(p.patterns.has("distinct_id") && p.other.has("distinct_id"));
    // A range the query writes itself still serves.
    const written = choose(
      pdi,
      "((t.team_id = $1) AND ((t.distinct_id)::text > $2) AND ((t.distinct_id)::text ~~ 'abc%'::text))",
    );
    assert.deepEqual(written.choice.matched, ["team_id", "distinct_id"]);
  });
});

describe("range ends", () => {
  it("a range closed at both ends narrows; one end alone (a keyset cursor) is open", () => {
    const closed = choose(person, "((t.team_id = $1) AND (t.id >= $2) AND (t.id <= $3))");
    assert.ok(closed.p.closed.has("id"));
    // The column on either side of the operator: `$3 > id` is an upper bound.
    const flipped = choose(person, "((t.team_id = $1) AND (t.id > $2) AND ($3 > t.id))");
    assert.ok(flipped.p.closed.has("id"));
    const open = choose(person, "((t.team_id = $1) AND (t.id > $2) AND (t.id >= $3))");
    assert.deepEqual([open.choice.matched, open.p.closed.has("id")], [["team_id", "id"], false]);
  });
});
