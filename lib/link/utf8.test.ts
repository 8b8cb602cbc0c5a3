import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { decodeUtf8 } from "./utf8";

describe("decodeUtf8", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(
      parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)),
    );

  it("decodes valid text whole", () => {
    assert.deepEqual(decodeUtf8(bytes("zß€😀")), { text: "zß€😀", invalidAt: null });
  });

  it("keeps the valid text before an invalid byte", () => {
    assert.deepEqual(decodeUtf8(bytes("ab€", [0xff], "cd")), { text: "ab€", invalidAt: 5 });
  });

  it("drops a character cut at the end", () => {
    assert.deepEqual(decodeUtf8(bytes("ab", [0xe2, 0x82])), { text: "ab", invalidAt: 4 });
  });
});
