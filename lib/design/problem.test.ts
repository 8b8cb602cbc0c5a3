import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { quoted } from "./problem";

describe("quoted", () => {
  it("quotes design text as a JSON string with every unsafe character escaped", () => {
    assert.equal(quoted("team_id"), '"team_id"');
    assert.equal(quoted('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(quoted("k\n}\u001b[2K"), '"k\\n}\\u001b[2K"');
    assert.equal(quoted("a\u202eb\u2028c\u0085"), '"a\\u202eb\\u2028c\\u0085"');
    assert.equal(quoted("\ud800"), '"\\ud800"');
  });
});
