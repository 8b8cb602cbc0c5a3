import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { EXISTING_RPCS } from "./existing-rpcs";
import { camelFromSnake, lowerCamel, snakeCase } from "./naming";
import { itAnswersEach } from "../test-cases";
import CASES from "./naming.cases.json" with { type: "json" };

describe("naming", () => {
  itAnswersEach({ snakeCase, lowerCamel, camelFromSnake }, CASES);

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
