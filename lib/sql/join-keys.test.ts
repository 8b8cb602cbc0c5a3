import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { columnsMeaning, meaningLabel, meaningOf } from "./join-keys";
import { findTable } from "./schema";

const label = (table: string, column: string) => {
  const m = meaningOf(table, column);
  return m && meaningLabel(m);
};

describe("what a column means, from foreign keys and references", () => {
  const cases: [string, string, string | null][] = [
    // Through a foreign key, a dropped one, and a chain ending in the main database.
    ["posthog_persondistinctid", "person_id", "posthog_person.id"],
    ["posthog_cohortpeople", "person_id", "posthog_person.id"],
    ["posthog_featureflaghashkeyoverride", "team_id", "posthog_team.id"],
    ["posthog_person", "merged_into_id", "posthog_person.id"],
    ["posthog_grouptypemapping", "project_id", "posthog_project.id"],
    ["posthog_group", "group_type_index", "posthog_grouptypemapping.group_type_index"],
    // A row's own id, and a referenced column, mean themselves.
    ["posthog_persondistinctid", "id", "posthog_persondistinctid's own row id"],
    ["posthog_person", "id", "posthog_person.id"],
    // Data columns mean nothing a join could be judged by.
    ["posthog_persondistinctid", "distinct_id", null],
    ["posthog_person", "version", null],
  ];
  for (const [table, column, expected] of cases) {
    it(`${table}.${column}`, () => assert.equal(label(table, column), expected));
  }

  it("finds the column of a table that means the same as another's", () => {
    const pdi = findTable("posthog_persondistinctid");
    const person = meaningOf("posthog_cohortpeople", "person_id");
    assert.ok(pdi && person);
    assert.deepEqual(columnsMeaning(pdi, person), ["person_id"]);
  });

  it("never offers a row's own id: pairing it with itself joins a row to itself", () => {
    const pdi = findTable("posthog_persondistinctid");
    const own = meaningOf("posthog_persondistinctid", "id");
    assert.ok(pdi && own);
    assert.deepEqual(columnsMeaning(pdi, own), []);
  });
});
