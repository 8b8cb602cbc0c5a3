import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { salvageObject } from "./salvage";

describe("salvageObject", () => {
  const members = [`"a":1`, `"b":"x,}"`, `"c":{"d":[1,{"e":"]"}]}`, `"f":true`];
  const text = `{${members.join(",")}}`;
  const whole = JSON.parse(text) as Record<string, unknown>;

  it("keeps every complete member before a cut, wherever the cut falls", () => {
    // A member is complete once the "," or "}" after its value is in the text.
    const ends = members.map((_, i) => `{${members.slice(0, i + 1).join(",")}`.length);
    for (let cut = 0; cut < text.length; cut++) {
      const s = salvageObject(text.slice(0, cut));
      const expected = ["a", "b", "c", "f"].filter((_, i) => ends[i]! < cut);
      assert.equal(s.stop, "end", `cut at ${cut}`);
      assert.deepEqual(s.kept, expected, `cut at ${cut}`);
      for (const key of s.kept) assert.deepEqual(s.members[key], whole[key]);
    }
  });

  it("reads a whole object as complete, and says what followed it", () => {
    assert.equal(salvageObject(text).stop, "complete");
    assert.deepEqual(salvageObject(`${text} junk`).kept, Object.keys(whole));
    assert.equal(salvageObject(`${text} junk`).stop, "trailing");
    assert.equal(salvageObject("{}").stop, "complete");
  });

  it("stops at the first malformed member and names it", () => {
    const s = salvageObject('{"a":1,"b":tru,"c":3}');
    assert.deepEqual(s.kept, ["a"]);
    assert.equal(s.stop, "malformed");
    assert.equal(s.lostFrom, "b");
    assert.equal(salvageObject('{"a":1,b:2}').lostFrom, null);
  });

  it("reads no prototype into the members", () => {
    const s = salvageObject('{"__proto__":{"polluted":1},"a":1');
    assert.equal(Object.getPrototypeOf(s.members), null);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(s.kept, ["__proto__"]);
  });

  it("says when the text is not an object", () => {
    assert.equal(salvageObject("[1,2]").stop, "not-object");
    assert.equal(salvageObject("hello").stop, "not-object");
    assert.equal(salvageObject("  ").stop, "end");
  });
});
