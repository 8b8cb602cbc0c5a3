import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { castIsRelabel, hidingCast } from "./casts";
import { parseCondition } from "./conditions";
import { chooseIndex, predicatesFor } from "./index-match";
import { cohortPeople } from "./schema/other-tables";
import { person, personDistinctId } from "./schema/person-tables";
import type { TableSpec } from "./schema/types";

describe("casts on indexed columns", () => {
  it("sees through the relabel PostgreSQL prints for a string column compared as text", () => {
    assert.equal(castIsRelabel("varchar(400)", "::text"), true);
    assert.equal(castIsRelabel("varchar(400)", "::character varying"), true);
    assert.equal(castIsRelabel("text", "::text"), true);
  });

  it("treats any other cast as an expression that hides the column", () => {
    assert.equal(castIsRelabel("uuid", "::text"), false);
    assert.equal(castIsRelabel("integer", "::bigint"), false);
    assert.equal(castIsRelabel("varchar(400)", "::character varying(10)"), false);
    assert.equal(castIsRelabel("varchar(400)", "::text::uuid"), false);
    assert.deepEqual(hidingCast(person, { alias: "p", column: "uuid", cast: "::text" }), {
      alias: "p",
      column: "uuid",
      key: "(uuid::text)",
      cast: "::text",
    });
    assert.equal(hidingCast(person, { alias: null, column: "uuid" }), undefined);
  });

  it("lets no index serve a cast column, but still serves a relabelled one", () => {
    const chosen = (table: TableSpec, condition: string) =>
      chooseIndex(table, predicatesFor(parseCondition(condition), "t", table))?.index.name ?? null;
    assert.equal(chosen(cohortPeople, "((t.person_id)::text = $1)"), null);
    assert.equal(
      chosen(cohortPeople, "(t.person_id = $1)"),
      "posthog_cohortpeople_person_id_33da7d3f",
    );
    assert.equal(
      chosen(personDistinctId, "((t.team_id = $1) AND ((t.distinct_id)::text = $2))"),
      "unique_distinct_id_for_team",
    );
    assert.equal(
      chosen(person, "((t.team_id = $1) AND ((t.uuid)::text = $2))"),
      "posthog_person_new_pkey",
    );
  });
});
