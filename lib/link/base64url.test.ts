import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { base64UrlToBytes, bytesToBase64Url } from "./base64url";

describe("base64url", () => {
  it("matches Node's encoding and reads it back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64Url(bytes);
        assert.equal(text, Buffer.from(bytes).toString("base64url"));
        assert.deepEqual(base64UrlToBytes(text), { bytes: Uint8Array.from(bytes), bad: null });
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps the bytes before a character outside the alphabet and says where it was", () => {
    const read = base64UrlToBytes("AQID+BAU");
    assert.deepEqual(read.bytes, Uint8Array.from([1, 2, 3]));
    assert.deepEqual(read.bad, { char: "+", at: 4 });
  });
});
