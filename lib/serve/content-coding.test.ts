import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { chooseCoding } from "./content-coding";

describe("chooseCoding", () => {
  it("prefers brotli when both are accepted alike (Chromium's header)", () => {
    assert.equal(chooseCoding("gzip, deflate, br, zstd", ["br", "gzip"]), "br");
  });

  it("sends gzip to a client without brotli, and identity to one that accepts neither", () => {
    assert.equal(chooseCoding("gzip, deflate", ["br", "gzip"]), "gzip");
    assert.equal(chooseCoding("deflate", ["br", "gzip"]), "identity");
    assert.equal(chooseCoding(null, ["br", "gzip"]), "identity");
    assert.equal(chooseCoding("", ["br", "gzip"]), "identity");
  });

  it("follows q-values: a higher one wins, q=0 refuses", () => {
    assert.equal(chooseCoding("br;q=0.5, gzip;q=0.9", ["br", "gzip"]), "gzip");
    assert.equal(chooseCoding("br;q=0, gzip;q=0", ["br", "gzip"]), "identity");
    assert.equal(chooseCoding("*;q=0", ["br", "gzip"]), "identity");
    assert.equal(chooseCoding("BR;Q=1", ["br"]), "br");
  });

  it("reads the wildcard and x-gzip", () => {
    assert.equal(chooseCoding("*", ["gzip"]), "gzip");
    assert.equal(chooseCoding("br;q=0, *", ["br", "gzip"]), "gzip");
    assert.equal(chooseCoding("x-gzip", ["br", "gzip"]), "gzip");
  });

  it("offers only what is on hand", () => {
    assert.equal(chooseCoding("br", ["gzip"]), "identity");
    assert.equal(chooseCoding("gzip, br", []), "identity");
  });

  it("reads an oversized header as absent", () => {
    assert.equal(chooseCoding(`br, ${"x;q=1, ".repeat(500)}`, ["br"]), "identity");
  });

  it("never returns a coding it was not offered or the header refuses", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.subarray(["br", "gzip"] as const), (h, on) => {
        const coding = chooseCoding(h, on);
        if (coding === "identity") return;
        assert.ok(on.includes(coding));
        assert.ok(h.toLowerCase().includes(coding === "gzip" ? "gzip" : "br") || h.includes("*"));
      }),
    );
  });
});
