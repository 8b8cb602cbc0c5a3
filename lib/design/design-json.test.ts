import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { jsonDepth, parseDesignJson } from "./design-json";

const error = (text: string) => {
  const r = parseDesignJson(text, "d.json");
  assert.ok("error" in r, `no error for ${text.slice(0, 40)}`);
  return r.error;
};

describe("a design file's JSON", () => {
  it("measures nesting by one scan, ignoring brackets inside strings", () => {
    assert.equal(jsonDepth('{"a":[1,{"b":"[[[{{{"}],"c":"\\"["}'), 3);
    assert.equal(jsonDepth("1"), 0);
    assert.equal(jsonDepth("]]]]["), 1);
  });

  it("agrees with the depth of the parsed value for any JSON", () => {
    const depthOf = (v: unknown): number =>
      typeof v === "object" && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal(jsonDepth(JSON.stringify(value)), depthOf(value));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses JSON nested 5,000 deep before parsing it, quickly", () => {
    const started = performance.now();
    const deep = `{"rpcName":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    assert.equal(
      error(deep),
      "d.json nests its JSON 5001 levels deep; a design needs 4, and more than 16 is refused.",
    );
    assert.equal(
      error("[".repeat(1_000_000)),
      "d.json nests its JSON 1000000 levels deep; a design needs 4, and more than 16 is refused.",
    );
    assert.ok(performance.now() - started < 1000);
  });

  it("says what is wrong with empty text, non-JSON and JSON that is not an object", () => {
    assert.equal(error(""), "d.json is empty; a design is a JSON object.");
    assert.equal(error(" \n\t"), "d.json is empty; a design is a JSON object.");
    assert.match(error("{nope"), /^d\.json is not JSON: /);
    assert.equal(error("[1,2]"), "d.json holds a list, not a design (a JSON object).");
    assert.equal(error("null"), "d.json holds null, not a design (a JSON object).");
    assert.equal(error('"x"'), "d.json holds text, not a design (a JSON object).");
  });

  it("reads past a byte order mark", () => {
    assert.deepEqual(parseDesignJson('\ufeff{"rpcName":"A"}', "d.json"), {
      value: Object.assign(Object.create(null), { rpcName: "A" }),
      warnings: [],
    });
  });

  it("warns of each key given twice, by its path, and keeps the last copy as JSON.parse does", () => {
    const r = parseDesignJson(
      '{"sql":"SELECT 1","request":[{"name":"a","\\u006eame":"b"}],"sql":"SELECT 2"}',
      "d.json",
    );
    assert.ok("value" in r);
    assert.equal(r.value.sql, "SELECT 2");
    assert.deepEqual(r.warnings, [
      'The key "request.0.name" is given more than once; only its last copy was read.',
      'The key "sql" is given more than once; only its last copy was read.',
    ]);
  });

  it("drops prototype keys with a warning, at any depth", () => {
    const r = parseDesignJson('{"__proto__":{"x":1},"request":[{"constructor":1}]}', "d.json");
    assert.ok("value" in r);
    assert.deepEqual(Object.keys(r.value), ["request"]);
    assert.equal(Object.getPrototypeOf(r.value), null);
    assert.deepEqual(r.warnings, [
      'The key "__proto__" at the top level was dropped: a design may not name object prototypes.',
      'The key "constructor" in request.0 was dropped: a design may not name object prototypes.',
    ]);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });
});
