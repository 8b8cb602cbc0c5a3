import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isUnsafe } from "./chars";
import CASES from "./comment.cases.json" with { type: "json" };
import { commentText } from "./comment";
import { hostileText } from "./hostile";

const unsafeIn = (text: string) =>
  [...text].filter((ch) => isUnsafe(ch.codePointAt(0)!)).map((ch) => ch.codePointAt(0));

describe("commentText", () => {
  // Each case: the design's text and the comment text it must become.
  for (const [rule, cases] of Object.entries(CASES))
    it(rule, () => {
      for (const [text, comment] of Object.entries(cases))
        assert.equal(commentText(text), comment, JSON.stringify(text));
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
