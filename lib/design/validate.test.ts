import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { WORKED_EXAMPLE } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import { validateDesign } from "./validate";

describe("validateDesign", () => {
  it("accepts every fixture unchanged and without problems", () => {
    for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
      const result = validateDesign(JSON.parse(JSON.stringify(design)));
      assert.deepEqual(result.problems, [], name);
      assert.deepEqual(result.design, design, name);
    }
  });

  it("keeps the valid parts when one field is bad", () => {
    const input = {
      ...WORKED_EXAMPLE,
      operation: "delete",
      personWriteBackend: "router",
      request: [
        { name: "Team-Id", type: "int64" },
        { name: "count", type: "uint128" },
      ],
    };
    const { design, problems } = validateDesign(JSON.parse(JSON.stringify(input)));
    assert.equal(design.rpcName, "GetPersonCount");
    assert.equal(design.operation, "read");
    assert.equal(design.request.length, 2);
    const text = problems.map((p) => `${p.path}: ${p.message}`).join("\n");
    assert.match(text, /operation must be one of read, write/);
    assert.match(text, /personWriteBackend must be one of replica, leader; got "router"/);
    assert.equal(design.personWriteBackend, "replica");
    assert.match(text, /request\.0\.name: .*snake_case/);
    assert.match(text, /request\.1\.type: Unknown type "uint128"/);
  });

  it("reports unknown keys and ignores prototype-polluting ones", () => {
    const { design, problems } = validateDesign(
      JSON.parse('{"__proto__": {"polluted": true}, "rpcName": "GetX", "extra": 1}'),
    );
    assert.equal(design.rpcName, "GetX");
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(problems.some((p) => p.path === "extra"));
  });

  it("never throws and always returns a complete design, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const { design, problems } = validateDesign(input);
        assert.equal(typeof design.rpcName, "string");
        assert.ok(Array.isArray(design.request));
        assert.ok(problems.every((p) => typeof p.message === "string" && p.message.length > 0));
      }),
      { numRuns: 3000 },
    );
  });
});
