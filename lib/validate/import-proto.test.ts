import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { importProtoMessage, withoutFileStatements } from "./import-proto";

describe("importProtoMessage", () => {
  it("imports scalars, optional, repeated and known messages in field-number order", () => {
    const result = importProtoMessage(`
      // GetThingsRequest reads things.
      message GetThingsRequest {
        int64 team_id = 1;
        repeated string distinct_ids = 3;
        optional int32 limit = 2;
        repeated TeamDistinctId keys = 4;
        ReadOptions read_options = 5;
      }`);
    assert.equal(result.name, "GetThingsRequest");
    assert.deepEqual(
      result.fields.map((f) => [f.name, f.type, f.optional, f.repeated]),
      [
        ["team_id", "int64", false, false],
        ["limit", "int32", true, false],
        ["distinct_ids", "string", false, true],
        ["keys", "TeamDistinctId", false, true],
      ],
    );
    assert.match(result.problems.join(" "), /read_options is added automatically/);
  });

  it("names what it cannot import", () => {
    const result = importProtoMessage(
      `message X { map<string, int64> counts = 1; Widget w = 2; oneof pick { int64 a = 3; string b = 4; } int64 ok = 5; }`,
    );
    assert.deepEqual(
      result.fields.map((f) => f.name),
      ["ok"],
    );
    const text = result.problems.join("\n");
    assert.match(text, /counts: map fields/);
    assert.match(text, /w: type Widget/);
    assert.match(text, /a: oneof members/);
  });

  it("explains text that is not proto", () => {
    const result = importProtoMessage("SELECT 1");
    assert.equal(result.fields.length, 0);
    assert.match(result.problems[0] ?? "", /not a proto message/);
  });

  it("drops a pasted file's own syntax, package, imports and options", () => {
    const result = importProtoMessage(
      'syntax = "proto3";\n  package personhog.types.v1;\nimport "a.proto";\noption go_package = "x";\nmessage M {\n  int64 team_id = 1;\n}',
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.fields.map((f) => f.name),
      ["team_id"],
    );
  });

  // Ten times the longest paste, shaped so that a pattern reading past its line from every line
  // start takes minutes; one line at a time takes milliseconds.
  it("reads the file statements in linear time", () => {
    const n = 200_000;
    for (const unit of ["\n", " \n", "\t\n", "import x\n", "option\n", "package a."]) {
      const text = unit.repeat(Math.ceil(n / unit.length));
      const started = performance.now();
      withoutFileStatements(text);
      assert.ok(performance.now() - started < 2000, JSON.stringify(unit));
    }
  });

  it("never throws on arbitrary pasted text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = importProtoMessage(`message M { ${text} }`);
        assert.ok(Array.isArray(result.problems));
      }),
      { numRuns: 1500 },
    );
  });
});
