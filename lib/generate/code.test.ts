import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { code, paragraphs, render, type Block, type Part } from "./code";

/** A block that shows the column it was laid out for. */
const column: Block = (col) => `at ${col}`;

describe("code", () => {
  it("dedents the template and drops its empty first and blank last line", () => {
    const block = code`
      fn f() {
          body();
      }
    `;
    assert.equal(render(block), "fn f() {\n    body();\n}");
  });

  it("keeps a template on one line as it is", () => {
    assert.equal(render(code`let x = ${1};`), "let x = 1;");
  });

  it("keeps a blank line before the closing backtick, so a block can end in one", () => {
    const block = code`
      early();

    `;
    assert.equal(render(block), "early();\n");
  });

  it("indents a multi-line part where it lands, and leaves its blank lines empty", () => {
    const inner = "if x {\n    y();\n\n}";
    const block = code`
      fn f() {
          ${inner}
      }
    `;
    assert.equal(render(block), "fn f() {\n    if x {\n        y();\n\n    }\n}");
  });

  it("indents the later lines of a part after text like the line it starts on", () => {
    const block = code`
      {
          let x = ${"a(\n    b,\n)"};
      }
    `;
    assert.equal(render(block), "{\n    let x = a(\n        b,\n    );\n}");
  });

  it("drops a line whose parts are all empty, but keeps text beside an empty part", () => {
    const empties: Part[] = ["", null, undefined, false, [], [null, ""]];
    for (const empty of empties) {
      const block = code`
        a
            ${empty}
        b${empty}
      `;
      assert.equal(render(block), "a\nb", `for ${JSON.stringify(empty)}`);
    }
  });

  it("drops the line of a nested template that rendered empty", () => {
    const nothing = code`
      ${null}
    `;
    assert.equal(render(code`a\n${nothing}\nb`), "a\nb");
  });

  it("keeps a blank line written in the template", () => {
    assert.equal(render(code`a\n\n${"b"}`), "a\n\nb");
  });

  it("joins an array as lines and leaves out its empty items", () => {
    const block = code`
      [
          ${["x,", null, "", false, code`y,`]}
      ]
    `;
    assert.equal(render(block), "[\n    x,\n    y,\n]");
  });

  it("prints numbers and bigints", () => {
    assert.equal(render(code`${0} ${10n}`), "0 10");
  });

  it("lays a block out for the column of its line, counting the template's own column", () => {
    const block = code`
      ${column}
          ${column}
          ${[column, code`${column}`]}
    `;
    assert.equal(render(block, 4), "at 4\n    at 8\n    at 8\n    at 8");
  });

  it("refuses a block after text, where its layout would count from the wrong column", () => {
    assert.throws(() => render(code`let x = ${column};`), /must start its line/);
  });

  it("does not dedent by blank lines or lines of parts alone", () => {
    const block = code`
        a
      ${"b"}
    `;
    assert.equal(render(block), "  a\nb");
  });
});

describe("paragraphs", () => {
  it("separates parts by one blank line and drops the empty ones with their separator", () => {
    assert.equal(render(paragraphs(["a", null, code`${false}`, "b\nc"])), "a\n\nb\nc");
    assert.equal(render(paragraphs([])), "");
  });

  it("lays out each part at its own column", () => {
    assert.equal(render(paragraphs([column, column]), 8), "at 8\n\nat 8");
  });
});
