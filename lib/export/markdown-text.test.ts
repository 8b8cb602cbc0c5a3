import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { marked, type Token } from "marked";
import { fenced, inlineCode, linkTarget, oneLine, plainText } from "./markdown-text";

/** The inline tokens of one paragraph, flattened. */
function inlineTokens(markdown: string): Token[] {
  const [block, ...rest] = marked.lexer(markdown);
  assert.equal(
    rest.filter((t) => t.type !== "space").length,
    0,
    `more than one block: ${markdown}`,
  );
  assert.equal(block?.type, "paragraph", `not a paragraph: ${markdown}`);
  return (block as { tokens: Token[] }).tokens;
}

const decode = (html: string) =>
  html
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

const RUNS = { numRuns: 2000 };
const hostile = fc.string({
  unit: fc.constantFrom(..."ab _*`[]()<>|~&!#\\\n-+.=:/x".split("")),
  maxLength: 40,
});

describe("Markdown text from a design", () => {
  it("plainText stays literal text: no emphasis, code, link or HTML, same characters", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const tokens = inlineTokens(`Name: ${plainText(text)}`);
        for (const t of tokens)
          assert.ok(["text", "escape"].includes(t.type), `${t.type} in ${JSON.stringify(text)}`);
        const shown = decode(tokens.map((t) => (t as { text: string }).text).join(""));
        assert.equal(shown.trimEnd(), `Name: ${oneLine(text)}`.trimEnd());
      }),
      RUNS,
    );
  });

  it("inlineCode is one code span holding exactly the text", () => {
    fc.assert(
      fc.property(
        hostile.filter((t) => oneLine(t).trim().length > 0),
        (text) => {
          const tokens = inlineTokens(`Name: ${inlineCode(text)}`);
          const code = tokens.filter((t) => t.type === "codespan");
          assert.equal(code.length, 1, JSON.stringify(text));
          assert.equal(decode((code[0] as { text: string }).text).trim(), oneLine(text).trim());
        },
      ),
      RUNS,
    );
  });

  it("fenced code cannot be closed early by the code inside it", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("`", "~", "a", "\n", " ") }), (code) => {
        const tokens = marked.lexer(`${fenced("sql", code)}\n\nafter`);
        assert.equal(tokens[0]?.type, "code");
        assert.equal((tokens[0] as { text: string }).text, code.replace(/\n+$/, ""));
      }),
      RUNS,
    );
  });

  it("linkTarget keeps a link destination whole", () => {
    const url = "http://x.test/review#v=3&z=a(b) c<d>";
    const tokens = inlineTokens(`[review](${linkTarget(url)})`);
    assert.equal(tokens[0]?.type, "link");
    assert.equal(decodeURI((tokens[0] as { href: string }).href), url);
  });
});
