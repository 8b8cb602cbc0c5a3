import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isUnsafe } from "./chars";
import { commentText } from "./comment";
import { hostileText } from "./hostile";

const unsafeIn = (text: string) =>
  [...text].filter((ch) => isUnsafe(ch.codePointAt(0)!)).map((ch) => ch.codePointAt(0));

describe("commentText", () => {
  it("keeps ordinary text as it is", () => {
    assert.equal(commentText("Max 1000 per request."), "Max 1000 per request.");
    assert.equal(commentText("é́ 𝔘 — ok"), "é́ 𝔘 — ok");
  });

  it("puts every line on one: line breaks and tabs become one space", () => {
    assert.equal(commentText("a\nb\r\nc\rd\te\u000b\u000cf"), "a b c d e f");
    assert.equal(commentText("  padded \n\n "), "padded");
  });

  it("shows separators, controls, bidi and lone surrogates as \\u{…}", () => {
    assert.equal(commentText("a\u2028b\u2029c"), "a\\u{2028}b\\u{2029}c");
    assert.equal(commentText("x\u0000\u001b\u0085\u007f"), "x\\u{0}\\u{1b}\\u{85}\\u{7f}");
    assert.equal(commentText("\u202eevil\u2066\u2069"), "\\u{202e}evil\\u{2066}\\u{2069}");
    assert.equal(commentText("\ud800"), "\\u{d800}");
    assert.equal(commentText("\ufeffbom"), "\\u{feff}bom");
  });

  it("breaks block-comment delimiters so the text is safe inside /* */ too", () => {
    assert.equal(commentText("a */ b /* c"), "a *\\/ b /\\* c");
    assert.equal(commentText("*/*/"), "*\\/\\*\\/");
    assert.equal(commentText("/*/"), "/\\*\\/");
  });

  it("never lets a line break, a block delimiter or an unsafe character through", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), fc.string({ unit: "binary" })), (text) => {
        const out = commentText(text);
        assert.deepEqual(unsafeIn(out), [], JSON.stringify(out));
        assert.ok(!out.includes("*/") && !out.includes("/*"), JSON.stringify(out));
        assert.equal(out, out.trim());
      }),
      { numRuns: 2000 },
    );
  });
});
