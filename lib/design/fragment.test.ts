import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeFragment, encodeFragment } from "./fragment";

describe("fragment codec", () => {
  it("round-trips any name and SQL", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, sql) => {
        const decoded = decodeFragment(encodeFragment({ name, sql }));
        assert.deepEqual(decoded.state, { name, sql });
        assert.deepEqual(decoded.warnings, []);
      }),
    );
  });

  it("never throws on arbitrary text and always returns warnings as strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (hash) => {
        const decoded = decodeFragment(hash);
        assert.ok(Array.isArray(decoded.warnings));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps valid parts of a link with an unknown field and a wrong version", () => {
    const decoded = decodeFragment("#v=9&name=GetThing&evil=1");
    assert.deepEqual(decoded.state, { name: "GetThing" });
    assert.equal(decoded.warnings.length, 2);
    assert.match(decoded.warnings.join(" "), /version 9/);
    assert.match(decoded.warnings.join(" "), /"evil"/);
  });

  it("refuses an oversized fragment with a message", () => {
    const decoded = decodeFragment("#v=1&sql=" + "x".repeat(70_000));
    assert.deepEqual(decoded.state, {});
    assert.match(decoded.warnings[0] ?? "", /too long/);
  });
});
