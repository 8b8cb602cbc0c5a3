import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isUnsafe } from "./chars";
import { itAnswersEach } from "../test-cases";
import CASES from "./comment.cases.json" with { type: "json" };
import { commentText } from "./comment";
import { hostileText } from "./hostile";

const unsafeIn = (text: string) =>
  [...text].filter((ch) => isUnsafe(ch.codePointAt(0)!)).map((ch) => ch.codePointAt(0));

describe("isUnsafe", () => {
  // Invisible characters hide what generated code says ("Max 1\u200b000" reads as Max 1000).
  it("holds every format character Unicode has: bidi, zero-width, soft hyphen, tags", () => {
    const missed: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++)
      if (/\p{Cf}/u.test(String.fromCodePoint(cp)) && !isUnsafe(cp)) missed.push(cp);
    assert.deepEqual(
      missed.map((cp) => cp.toString(16)),
      [],
    );
  });
});

describe("commentText", () => {
  itAnswersEach({ commentText }, CASES);

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
