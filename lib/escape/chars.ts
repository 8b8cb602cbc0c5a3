/**
 * The characters design text may hold that never reach generated code as themselves. Each one
 * breaks some reader: a line or paragraph separator ends a `//` comment in TypeScript, NUL is
 * refused by Python's parser, a bare CR by Rust's in a doc comment, a lone surrogate is not
 * Unicode text at all, bidi controls make code read differently from how it runs ("Trojan
 * Source", CVE-2021-42574; rustc refuses them in comments and literals), and invisible ones hide
 * what it says (a zero-width space in "Max 1\u200b000", in a SQL string, in a PR). Every context
 * in this folder decides how to show them; none lets one through.
 */

/** Format characters: bidi marks, embeddings, overrides and isolates, zero-width ones, U+FEFF, tags. */
const FORMAT = /^\p{Cf}$/u;

/** True for a code point no generated file may contain raw (tab and newline included). */
export function isUnsafe(cp: number): boolean {
  return (
    cp < 0x20 || // C0 controls, with \t \n \r: each context says what they become
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1 controls (U+0085 ends a line for some readers)
    cp === 0x2028 || // line separator
    cp === 0x2029 || // paragraph separator
    (cp >= 0xd800 && cp <= 0xdfff) || // a surrogate standing alone (a JSON "\ud800")
    FORMAT.test(String.fromCodePoint(cp))
  );
}

export const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

/** `text` with each unsafe code point replaced by `show(cp)`; everything else unchanged. */
export function replaceUnsafe(text: string, show: (cp: number) => string): string {
  let out = "";
  // for…of walks code points; a lone surrogate comes through as one unit.
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += isUnsafe(cp) ? show(cp) : ch;
  }
  return out;
}

/** `\u{202e}`: how a character is shown where it cannot be written (comments, Rust strings). */
export const braced = (cp: number): string => `\\u{${cp.toString(16)}}`;

/** `\u202e`: the escape of JSON and TypeScript strings; past the BMP, its surrogate pair. */
export const fourDigits = (cp: number): string =>
  String.fromCodePoint(cp)
    .split("")
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .join("");
