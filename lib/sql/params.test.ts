import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { literalForOid, placeholderCount } from "./params";
import { itAnswersEach } from "../test-cases";
import CASES from "./params.cases.json" with { type: "json" };

const UUID = "'0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f'";

describe("representative values", () => {
  it("maps described type OIDs to values, and unknown types to NULL", () => {
    assert.equal(literalForOid(23), "'2'");
    assert.equal(literalForOid(2950), UUID);
    assert.equal(literalForOid(1016), "'{2,3}'");
    assert.equal(literalForOid(16), "'true'");
    assert.equal(literalForOid(1184), "'2026-01-01T00:00:00Z'");
    assert.equal(literalForOid(999_999), "NULL");
  });
});

describe("placeholderCount", () => {
  itAnswersEach({ placeholderCount }, CASES);

  it("is Infinity for a placeholder too long to be a number, without parsing it", () => {
    assert.equal(placeholderCount("SELECT $99999999999"), 99_999_999_999);
    assert.equal(placeholderCount(`SELECT $${"9".repeat(400)}`), Infinity);
  });

  it("finds every placeholder among any other text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom(..."ab1 (),=<>\n"), maxLength: 30 }),
        (ns, noise) => {
          const sql = `SELECT ${noise} ${ns.map((n) => `$${n}`).join(" = ")}`;
          assert.equal(placeholderCount(sql), Math.max(...ns));
        },
      ),
      { numRuns: 500 },
    );
  });
});
