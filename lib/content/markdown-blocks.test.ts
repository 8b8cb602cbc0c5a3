import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codeList, fencedBlock, markdownTable } from "./markdown-blocks";

describe("markdown blocks", () => {
  it("lists names as a sentence does", () => {
    assert.equal(codeList([]), "");
    assert.equal(codeList(["A"]), "`A`");
    assert.equal(codeList(["A", "B"]), "`A` and `B`");
    assert.equal(codeList(["A", "B", "C"]), "`A`, `B` and `C`");
  });

  it("fences code with more backticks than it holds", () => {
    assert.equal(fencedBlock("x", "rust"), "```rust\nx\n```");
    assert.equal(fencedBlock("a ```` b", "sh"), "`````sh\na ```` b\n`````");
  });

  it("escapes pipes in table cells", () => {
    assert.equal(markdownTable(["a"], [["x|y"]]), "| a |\n| --- |\n| x\\|y |");
  });
});
