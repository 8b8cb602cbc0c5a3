import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { EXISTING_RPCS } from "./existing-rpcs";
import { camelFromSnake, lowerCamel, snakeCase } from "./naming";
import CASES from "./naming.cases.json" with { type: "json" };

describe("naming", () => {
  it("spells real RPC names as PostHog's clients do", () => {
    const spell = { snakeCase, lowerCamel, camelFromSnake };
    for (const [fn, pairs] of Object.entries(CASES.realNames))
      for (const [name, want] of Object.entries(pairs))
        assert.equal(spell[fn as keyof typeof spell](name), want, `${fn}(${name})`);
  });

  it("spells fields as protobuf-es does: doubled and trailing underscores, digits", () => {
    for (const [name, want] of Object.entries(CASES.protobufEsFields))
      assert.equal(camelFromSnake(name), want, `camelFromSnake(${name})`);
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
