/**
 * Text from a design or a link shown where control and invisible characters do harm: a terminal
 * runs escape sequences (`\x1b[2K` erases a line) and bidi controls reorder what a reader sees
 * (Trojan Source). Each such character is shown as `\uXXXX` instead: visible, and a valid escape
 * inside a JSON string, so JSON output stays JSON that decodes to the same text.
 */

/**
 * Controls (C0, DEL, C1), format characters (bidi controls, zero-width characters, U+FEFF, tags),
 * line and paragraph separators, lone surrogates, and the Hangul fillers that render as blanks.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115f\u1160\u3164\uffa0]/gu;

/** Each UTF-16 unit as `\uXXXX`: a character outside the BMP (a tag) becomes its surrogate pair. */
function escaped(ch: string): string {
  let out = "";
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/** Newline and tab pass (they only move the cursor forward), and a carriage return before \n. */
export function terminalText(text: string): string {
  return text.replace(HIDDEN, (ch, at: number, all: string) =>
    ch === "\n" || ch === "\t" || (ch === "\r" && all[at + 1] === "\n") ? ch : escaped(ch),
  );
}
