/**
 * Design text (a field's comment, an idempotency key, a table name) as the body of a one-line
 * comment, in any of the generated languages. Nothing in it can end the comment or start code:
 * line breaks and other whitespace become one space, every other unsafe character is shown as
 * `\u{…}`, and block-comment delimiters are broken up, because the next tool may copy the text
 * into a block comment (protoc-gen-es copies proto comments into JSDoc `/** … *\/` blocks).
 */
import { braced, replaceUnsafe } from "./chars";

/** Tab, LF, VT, FF, CR: plain line layout, shown as a space. */
const LAYOUT = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

export function commentText(text: string): string {
  return replaceUnsafe(text, (cp) => (LAYOUT.has(cp) ? " " : braced(cp)))
    .replaceAll("*/", "*\\/")
    .replaceAll("/*", "/\\*")
    .replace(/ {2,}/g, " ")
    .trim();
}
