import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { terminalText } from "./terminal-text";

describe("terminalText", () => {
  it("shows escape sequences from a link as text (the terminal runs none)", () => {
    assert.equal(terminalText("a\x1b[1A\x1b[2Kb"), "a\\u001b[1A\\u001b[2Kb");
  });

  it("escapes every C0 control but newline and tab, and DEL", () => {
    for (let code = 0; code < 0x20; code++) {
      const ch = String.fromCharCode(code);
      const want = ch === "\n" || ch === "\t" ? ch : `\\u${code.toString(16).padStart(4, "0")}`;
      assert.equal(terminalText(ch), want, `U+${code.toString(16)}`);
    }
    assert.equal(terminalText("\x7f"), "\\u007f");
  });

  it("keeps a carriage return only as part of a CRLF line end", () => {
    assert.equal(terminalText("a\r\nb"), "a\r\nb");
    assert.equal(terminalText("ok\rFAIL"), "ok\\u000dFAIL");
    assert.equal(terminalText("a\r"), "a\\u000d");
  });

  it("escapes C1 controls (a single-byte CSI or NEL)", () => {
    assert.equal(terminalText("\x9b2K\x85"), "\\u009b2K\\u0085");
  });

  it("escapes bidi controls, zero-width characters, separators and the BOM", () => {
    const hidden = [
      "\u200b",
      "\u200c",
      "\u200d",
      "\u200e",
      "\u200f",
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u2028",
      "\u2029",
      "\ufeff",
      "\u061c",
      "\u00ad",
      "\u2060",
    ];
    for (const ch of hidden) {
      const code = ch.charCodeAt(0).toString(16).padStart(4, "0");
      assert.equal(terminalText(`x${ch}y`), `x\\u${code}y`);
    }
  });

  it("escapes blank-looking fillers, tag characters and lone surrogates", () => {
    assert.equal(terminalText("Get\u3164Person"), "Get\\u3164Person");
    assert.equal(terminalText("\u{e0041}"), "\\udb40\\udc41");
    assert.equal(terminalText("a\ud800b\udc00"), "a\\ud800b\\udc00");
  });

  it("leaves ordinary text alone: accents, CJK, emoji, backslashes", () => {
    const text = 'Größe 人 😀 C:\\path "quoted" \ttab\nnext';
    assert.equal(terminalText(text), text);
  });

  it("keeps JSON valid and meaning the same text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
        const json = JSON.stringify({ value, text }, null, 2);
        assert.deepEqual(JSON.parse(terminalText(json)), JSON.parse(json));
      }),
      { numRuns: 1000 },
    );
  });

  it("never lets a hidden character through", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const shown = terminalText(text);
        assert.doesNotMatch(shown, /(?![\n\t\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|\r(?!\n)/u);
      }),
      { numRuns: 2000 },
    );
  });
});
