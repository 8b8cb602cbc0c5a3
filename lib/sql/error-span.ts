/**
 * Where an error PostgreSQL reports points in the user's text, for the editor to mark: its
 * position is 1-based and counts characters (code points), editors count UTF-16 code units.
 */
import { tokenize } from "./tokens";

export interface Span {
  /** UTF-16 offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** The UTF-16 offset of a 1-based character position (past the end: the text's length). */
function utf16Offset(text: string, position: number): number {
  let offset = 0;
  let chars = 1;
  for (const ch of text) {
    if (chars === position) return offset;
    offset += ch.length;
    chars++;
  }
  return text.length;
}

/**
 * The token the position falls on (a word, a string, an operator), so the mark covers what
 * PostgreSQL complains about; at the end of the text (an unfinished statement), the last token.
 */
export function errorSpan(text: string, position: number): Span | null {
  if (!Number.isInteger(position) || position < 1 || text.length === 0) return null;
  const at = Math.min(utf16Offset(text, position), text.length);
  const { tokens } = tokenize(text);
  const token =
    tokens.find((t) => t.start <= at && at < t.end) ??
    (at >= text.length ? tokens[tokens.length - 1] : undefined);
  if (token) return { start: token.start, end: token.end };
  return { start: at, end: Math.min(text.length, at + 1) };
}
