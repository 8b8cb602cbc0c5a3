import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { WORKED_EXAMPLE } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import { decodeDesignLink, encodeDesignLink } from "./link";

describe("design links", () => {
  it("round-trips every fixture", () => {
    for (const design of Object.values(DESIGN_FIXTURES)) {
      const decoded = decodeDesignLink(encodeDesignLink(design));
      assert.deepEqual(decoded.warnings, []);
      assert.deepEqual(decoded.design, design);
    }
  });

  it("round-trips any RPC name and SQL text, unicode included", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: "grapheme" }), (rpcName, sql) => {
        const decoded = decodeDesignLink(encodeDesignLink({ ...WORKED_EXAMPLE, rpcName, sql }));
        assert.equal(decoded.design?.rpcName, rpcName);
        assert.equal(decoded.design?.sql, sql);
      }),
      { numRuns: 500 },
    );
  });

  it("migrates a version 1 link", () => {
    const decoded = decodeDesignLink("#v=1&name=GetThing&sql=SELECT+1");
    assert.equal(decoded.design?.rpcName, "GetThing");
    assert.equal(decoded.design?.sql, "SELECT 1");
  });

  it("says what is wrong with a truncated, future or oversized link", () => {
    const link = encodeDesignLink(DESIGN_FIXTURES["group-read-current"]!);
    assert.match(decodeDesignLink(link.slice(0, link.length - 7)).warnings.join(" "), /damaged/);
    assert.match(decodeDesignLink("#v=9&d=e30").warnings.join(" "), /version 9/);
    assert.match(decodeDesignLink("#v=2&d=" + "A".repeat(70_000)).warnings.join(" "), /too long/);
  });

  it("never throws on arbitrary fragments", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (hash) => {
        const decoded = decodeDesignLink(hash);
        assert.ok(Array.isArray(decoded.warnings));
      }),
      { numRuns: 3000 },
    );
  });
});
