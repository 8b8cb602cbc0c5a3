/** The Python contexts design text reaches: comments, string literals and keyword arguments. */
import { fourDigits, replaceUnsafe } from "./chars";
import { commentText } from "./comment";
import { PYTHON_KEYWORDS } from "./keywords";

export const pyComment = (text: string): string => `# ${commentText(text)}`;

const STRING_ESCAPES: Readonly<Record<number, string>> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r" };

/** A double-quoted Python string holding `text` exactly (lone surrogates included). */
export function pyString(text: string): string {
  const body = replaceUnsafe(text.replaceAll("\\", "\\\\").replaceAll('"', '\\"'), (cp) =>
    cp < 0x100
      ? (STRING_ESCAPES[cp] ?? `\\x${cp.toString(16).padStart(2, "0")}`)
      : cp > 0xffff
        ? `\\U${cp.toString(16).padStart(8, "0")}` // a tag character: Python's eight-digit escape
        : fourDigits(cp),
  );
  return `"${body}"`;
}

/**
 * `name=value` in a call; a field named like a Python keyword (`from`, `class`) can only be
 * passed by unpacking a dict, which is how the generated message classes accept it too.
 */
export function pyKeywordArg(name: string, value: string): string {
  return PYTHON_KEYWORDS.has(name) ? `**{${pyString(name)}: ${value}}` : `${name}=${value}`;
}
