/**
 * A message's words with its `backticked` parts marked as code, as a page shows them (verdicts,
 * problems). Messages quote the user's SQL (`properties->>'e…'`), so each character that hides or
 * reorders text is shown as its escape first, as in the terminal and in highlighted code.
 */
import { terminalText } from "../export/terminal-text";

export interface Span {
  readonly code: boolean;
  readonly text: string;
}

export function codeSpans(message: string): Span[] {
  return terminalText(message)
    .split(/(`[^`]+`)/g)
    .filter((part) => part !== "")
    .map((part) =>
      part.length > 1 && part.startsWith("`") && part.endsWith("`")
        ? { code: true, text: part.slice(1, -1) }
        : { code: false, text: part },
    );
}
