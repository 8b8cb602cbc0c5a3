import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { EXISTING_RPCS } from "./existing-rpcs";
import { camelFromSnake, lowerCamel, snakeCase } from "./naming";

describe("naming", () => {
  it("spells real RPC names as PostHog's clients do", () => {
    assert.equal(snakeCase("GetPersonsByDistinctIdsInTeam"), "get_persons_by_distinct_ids_in_team");
    assert.equal(
      snakeCase("GetGroupTypeMappingByDashboardId"),
      "get_group_type_mapping_by_dashboard_id",
    );
    assert.equal(lowerCamel("GetGroupsBatch"), "getGroupsBatch");
    assert.equal(camelFromSnake("group_type_index"), "groupTypeIndex");
  });

  it("spells fields as protobuf-es does: doubled and trailing underscores, digits", () => {
    assert.equal(camelFromSnake("a__b"), "aB");
    assert.equal(camelFromSnake("count_"), "count");
    assert.equal(camelFromSnake("x_1"), "x1");
    assert.equal(camelFromSnake("x_1b"), "x1b");
    assert.equal(camelFromSnake("to_string"), "toString");
  });

  it("gives every existing RPC a distinct snake_case name", () => {
    assert.equal(new Set(EXISTING_RPCS.map(snakeCase)).size, EXISTING_RPCS.length);
  });

  it("round-trips snake_case of PascalCase words", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z][a-z]{1,6}$/), { minLength: 1, maxLength: 5 }),
        (words) => {
          const pascal = words.join("");
          assert.equal(snakeCase(pascal), words.map((w) => w.toLowerCase()).join("_"));
        },
      ),
    );
  });
});
