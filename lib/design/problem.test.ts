import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { quoted } from "./problem";

describe("quoted", () => {
  it("quotes design text as a JSON string with every unsafe character escaped", () => {
    for (const [input, want] of [
      ["team_id", '"team_id"'],
      ['a"b\\c', '"a\\"b\\\\c"'],
      ["k\n}\u001b[2K", '"k\\n}\\u001b[2K"'],
      ["a\u202eb\u2028c\u0085", '"a\\u202eb\\u2028c\\u0085"'],
      ["\ud800", '"\\ud800"'],
    ] as const)
      assert.equal(quoted(input), want, input);
  });
});
