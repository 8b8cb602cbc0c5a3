/**
 * The characters design text may hold that never reach generated code as themselves. Each one
 * breaks some reader: a line or paragraph separator ends a `//` comment in TypeScript, NUL is
 * refused by Python's parser, a bare CR by Rust's in a doc comment, a lone surrogate is not
 * Unicode text at all, and bidi controls make code read differently from how it runs ("Trojan
 * Source", CVE-2021-42574; rustc refuses them in comments and literals). Every context in this
 * folder decides how to show them; none lets one through.
 */

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e]);

/** True for a code point no generated file may contain raw (tab and newline included). */
export function isUnsafe(cp: number): boolean {
  return (
    cp < 0x20 || // C0 controls, with \t \n \r: each context says what they become
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1 controls (U+0085 ends a line for some readers)
    BIDI.has(cp) || // marks and embeddings/overrides
    (cp >= 0x2066 && cp <= 0x2069) || // isolates
    cp === 0x2028 || // line separator
    cp === 0x2029 || // paragraph separator
    cp === 0xfeff || // byte order mark
    (cp >= 0xd800 && cp <= 0xdfff) // a surrogate standing alone (a JSON "\ud800")
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

/** `\u202e`: the four-digit escape of Python and TypeScript strings (BMP code points only). */
export const fourDigits = (cp: number): string => `\\u${cp.toString(16).padStart(4, "0")}`;
