import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { marked, type Token } from "marked";
import { fenced, inlineCode, linkTarget, oneLine, plainText, textWithCode } from "./markdown-text";
import { terminalText } from "./terminal-text";

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
  unit: fc.constantFrom(
    ..."ab _*`[]()<>|~&!#\\\n-+.=:/x@$w".split(""),
    "\r",
    "\u001b",
    "\u202e",
    "\u200b",
    "https://",
    "www.",
  ),
  maxLength: 40,
});

describe("Markdown text from a design", () => {
  it("plainText stays literal text: no emphasis, code, link or HTML, same characters", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const tokens = inlineTokens(`Name: ${plainText(text)}`);
        for (const t of tokens) {
          const atSign = t.type === "codespan" && /^@+$/.test((t as { text: string }).text);
          assert.ok(
            ["text", "escape"].includes(t.type) || atSign,
            `${t.type} in ${JSON.stringify(text)}`,
          );
        }
        const shown = decode(tokens.map((t) => (t as { text: string }).text).join(""));
        assert.equal(shown.trimEnd(), `Name: ${oneLine(terminalText(text))}`.trimEnd());
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
          assert.equal(
            decode((code[0] as { text: string }).text).trim(),
            oneLine(terminalText(text)).trim(),
          );
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

  it("textWithCode shows backtick-quoted parts as code and the rest as the words written", () => {
    const tokens = inlineTokens(
      `Where: ${textWithCode("inside `pub trait PersonLookup`, *not* `impl`")}`,
    );
    assert.deepEqual(
      tokens.map((t) => [t.type, (t as { text: string }).text]),
      [
        ["text", "Where: inside "],
        ["codespan", "pub trait PersonLookup"],
        ["text", ", "],
        ["escape", "*"],
        ["text", "not"],
        ["escape", "*"],
        ["text", " "],
        ["codespan", "impl"],
      ],
    );
    assert.equal(textWithCode("a lone ` stays"), "a lone \\` stays");
    assert.equal(textWithCode("x@`y`"), "x`@` `y`");
  });

  it("textWithCode stays text and code: nothing else, every character shown", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const tokens = inlineTokens(`Name: ${textWithCode(text)}`);
        for (const t of tokens)
          assert.ok(["text", "escape", "codespan"].includes(t.type), `${t.type} in ${text}`);
        // What shows is the text without its paired backticks; spaces may differ at the seams.
        const flat = oneLine(terminalText(text));
        const paired =
          flat.split("`").length % 2 === 1 ? flat : flat.replace(/`(?=[^`]*$)/, "\u0000");
        const expected = paired.replaceAll("`", "").replace("\u0000", "`");
        const squash = (v: string) => v.replace(/\s+/g, "");
        const shown = decode(tokens.map((t) => (t as { text: string }).text).join(""));
        assert.equal(squash(shown), squash(`Name: ${expected}`));
      }),
      RUNS,
    );
  });

  it("plainText leaves GitHub nothing to link: no URL, www. address, email or mention", () => {
    for (const text of [
      "see https://evil.example/payload",
      "HTTP://evil.example",
      "www.evil.example/x",
      "mail security@evil.example",
      "ping @security-team",
      "mailto:a@evil.example",
    ]) {
      const markdown = plainText(text);
      const tokens = inlineTokens(`Name: ${markdown}`);
      assert.ok(
        tokens.every((t) => t.type !== "link"),
        `a link from ${JSON.stringify(text)}: ${markdown}`,
      );
      assert.doesNotMatch(markdown, /(?<![`@])@|(?<!\\):\/\/|www\./i, markdown);
    }
  });

  it("plainText, inlineCode and fenced show control and bidi characters escaped", () => {
    const text = "a\u001b[2Kb\u202ec\u2066d";
    // The backslash of each escape is itself escaped, so the Markdown shows \u001b, not an escape.
    assert.equal(plainText(text), "a\\\\u001b\\[2Kb\\\\u202ec\\\\u2066d");
    assert.equal(inlineCode(text), "`a\\u001b[2Kb\\u202ec\\u2066d`");
    assert.equal(fenced("sql", text), "```sql\na\\u001b[2Kb\\u202ec\\u2066d\n```");
  });

  it("oneLine and fenced take linear time on long runs of spaces and newlines", () => {
    const started = performance.now();
    oneLine(`${" ".repeat(200_000)}x`);
    fenced("sql", `${"\n".repeat(200_000)}x`);
    assert.ok(performance.now() - started < 500);
  });

  it("linkTarget leaves only safe characters and %XX escapes, one link that decodes to the URL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.string(), (path, extra) => {
        const url = `https://wb.example/${path}${extra}`.replaceAll("%", "");
        const target = linkTarget(url);
        assert.match(target, /^(?:[A-Za-z0-9\-._~:/?#=&]|%[0-9A-F]{2})*$/);
        const links = inlineTokens(`[review it](${target})`).filter((t) => t.type === "link");
        assert.equal(links.length, 1, target);
        assert.equal(decodeURIComponent(target), url.replace(/\p{Cs}/gu, "\ufffd"));
      }),
      RUNS,
    );
    assert.equal(linkTarget("https://x.test/a%41%zz"), "https://x.test/a%41%25zz");
  });

  it("linkTarget keeps a link destination whole", () => {
    const url = "http://x.test/review#v=3&z=a(b) c<d>";
    const tokens = inlineTokens(`[review](${linkTarget(url)})`);
    assert.equal(tokens[0]?.type, "link");
    assert.equal(decodeURI((tokens[0] as { href: string }).href), url);
  });
});
