import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  expressionKey,
  expressionRef,
  jsonKey,
  keyLabel,
  normalizeExpression,
  parseJsonChain,
} from "./expressions";
import { valueList } from "./value-list";
import { itAnswersEach } from "../test-cases";
import CASES from "./expressions.cases.json" with { type: "json" };

describe("JSON key chains", () => {
  it("reads a chain as PostgreSQL prints it, alias aside", () => {
    assert.deepEqual(parseJsonChain("((p.properties -> 'a'::text) ->> 'b''c'::text)"), {
      alias: "p",
      path: {
        column: "properties",
        steps: [
          { op: "->", key: "a" },
          { op: "->>", key: "b'c" },
        ],
      },
    });
  });

  it("refuses keys that are not literals, and other expressions", () => {
    for (const text of [
      "(properties ->> $2)",
      "lower(email)",
      "properties",
      "(a ->> 'x') || 'y'",
    ]) {
      assert.equal(parseJsonChain(text), undefined, text);
    }
  });

  it("builds the canonical key the proposed index lists, quoting keys itself", () => {
    const chain = parseJsonChain("(properties ->> 'it''s'::text)");
    assert.ok(chain);
    assert.equal(jsonKey(chain.path), "(properties ->> 'it''s')");
  });

  it("keys the same expression the same whether written or printed", () => {
    const column = { alias: null, column: "properties" };
    const printed = expressionRef("(properties ->> 'email'::text)", column);
    const written = expressionRef("properties ->> 'email'", column);
    assert.equal(printed.key, written.key);
    assert.equal(printed.key, "(properties ->> 'email')");
  });

  itAnswersEach({ expressionKey, keyLabel, normalizeExpression }, CASES);

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        parseJsonChain(text);
        keyLabel(`(${text})`);
        normalizeExpression(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("valueList", () => {
  it("names the parameter that carries a list", () => {
    assert.deepEqual(valueList("ANY ($2)"), { param: "$2", count: null });
    assert.deepEqual(valueList("ANY (($3)::bigint[])"), { param: "$3", count: null });
  });

  it("counts a list written out in the SQL", () => {
    assert.deepEqual(valueList("ANY ('{1,2,3}'::bigint[])"), { param: null, count: 3 });
    assert.deepEqual(valueList(`ANY ('{"a,b",c}'::text[])`), { param: null, count: 2 });
    assert.deepEqual(valueList("ANY (ARRAY[$2, $3, ($4)::text])"), { param: null, count: 3 });
    assert.deepEqual(valueList("ANY ('{}'::bigint[])"), { param: null, count: 0 });
  });

  it("counts 2,207 ids", () => {
    const ids = Array.from({ length: 2207 }, (_, i) => i + 1).join(",");
    assert.equal(valueList(`ANY ('{${ids}}'::bigint[])`).count, 2207);
  });

  it("knows nothing of other arrays", () => {
    assert.deepEqual(valueList("ANY ((SubPlan 1))"), { param: null, count: null });
  });
});
