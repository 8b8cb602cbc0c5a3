import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { hostileText } from "../escape/hostile";
import { terminalText } from "../export/terminal-text";
import { codeSpans } from "./code-spans";

describe("codeSpans", () => {
  it("marks backticked parts as code and leaves the rest as words", () => {
    assert.deepEqual(codeSpans("read `team_id` then `id`; a lone ` stays"), [
      { code: false, text: "read " },
      { code: true, text: "team_id" },
      { code: false, text: " then " },
      { code: true, text: "id" },
      { code: false, text: "; a lone ` stays" },
    ]);
  });

  it("shows a bidi override from the SQL as its escape, inside code and out", () => {
    const spans = codeSpans("`properties->>'e\u202em'` is filtered \u2067afterwards");
    assert.deepEqual(spans, [
      { code: true, text: "properties->>'e\\u202em'" },
      { code: false, text: " is filtered \\u2067afterwards" },
    ]);
  });

  it("holds what terminalText shows, in order, for any message", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), fc.string({ unit: "binary" })), (message) => {
        const spans = codeSpans(message);
        const joined = spans.map((s) => (s.code ? `\`${s.text}\`` : s.text)).join("");
        assert.equal(joined, terminalText(message));
      }),
      { numRuns: 1000 },
    );
  });
});
