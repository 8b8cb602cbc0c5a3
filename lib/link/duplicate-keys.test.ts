import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { duplicateKeys } from "./duplicate-keys";

describe("duplicateKeys", () => {
  it("names each key an object repeats, by its path, decoding escapes", () => {
    const text = `{"a": 1, "b": {"c": [1, {"d": 2, "d": 3}], "\\u0063": 4}, "a": "x:\\"y\\"", "e": [[], {"f": 0, "f": 1}]}`;
    assert.deepEqual(duplicateKeys(text), ["b.c.1.d", "b.c", "a", "e.1.f"]);
  });

  it("does not count the same key in different objects, or strings that look like keys", () => {
    const text = `{"a": {"k": 1}, "b": {"k": 1}, "c": ["k", "k"], "d": "\\"k\\": 1, \\"k\\": 2"}`;
    assert.deepEqual(duplicateKeys(text), []);
  });

  // Property: any JSON object, written with one key copied onto the end, reports that key, and
  // the same object written as JSON.stringify does (keys unique by construction) reports none.
  it("finds a copied key in any JSON, and nothing in JSON.stringify's output", () => {
    const objects = fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), fc.jsonValue(), {
      minKeys: 1,
      maxKeys: 6,
    });
    fc.assert(
      fc.property(objects, fc.nat(), fc.jsonValue(), fc.boolean(), (object, pick, copy, spaced) => {
        const keys = Object.keys(object);
        const key = keys[pick % keys.length]!;
        const text = JSON.stringify({ outer: object }, null, spaced ? 2 : undefined);
        assert.deepEqual(duplicateKeys(text), []);
        const again = `${text.slice(0, -1)}${spaced ? ",\n  " : ","}"outer": ${JSON.stringify(copy)}}`;
        const doubled = `${JSON.stringify(object).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(copy)}}`;
        assert.deepEqual(duplicateKeys(again), ["outer"]);
        assert.deepEqual(duplicateKeys(doubled), [key.slice(0, 40)]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("reads a megabyte in linear time and stops after twenty", () => {
    const many = `{${Array.from({ length: 100_000 }, () => `"k": 0`).join(",")}}`;
    const started = performance.now();
    assert.equal(duplicateKeys(many).length, 20);
    const wide = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}": [${"[".repeat(3)}"x"${"]".repeat(3)}]`).join(",")}}`;
    assert.deepEqual(duplicateKeys(wide), []);
    assert.ok(performance.now() - started < 2000);
  });
});
