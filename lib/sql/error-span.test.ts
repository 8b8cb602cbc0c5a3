import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { errorSpan } from "./error-span";

const marked = (text: string, position: number) => {
  const span = errorSpan(text, position);
  return span && text.slice(span.start, span.end);
};

describe("errorSpan", () => {
  it("covers the token PostgreSQL points at", () => {
    // syntax error at or near "FORM": position 10
    assert.equal(marked("SELECT * FORM posthog_person", 10), "FORM");
    assert.equal(marked("SELECT 'it''s' FROMM x", 16), "FROMM");
  });

  it("counts characters, not UTF-16 units, as PostgreSQL does", () => {
    // "😀" is one character but two UTF-16 units: "FORM" is the 14th character.
    assert.equal(marked("SELECT '😀' x FORM t", 14), "FORM");
  });

  it("marks the last token for an error at the end of the text", () => {
    assert.equal(marked("SELECT * FROM", 14), "FROM");
  });

  it("never points outside the text, whatever the position", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -5, max: 500 }), (text, position) => {
        const span = errorSpan(text, position);
        if (span === null) return;
        assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length);
      }),
    );
  });
});
