/**
 * Text from a design (names, SQL, comments) placed in Markdown. It comes from links and forms, so
 * it must never be able to close a fence, start a heading, break a table, add a link or a task, or
 * hide what it says: control and bidi characters are shown escaped, as in the terminal.
 */
import { terminalText } from "./terminal-text";

/** One line, so text can never start a new block or add a line of code. A scan: no regex backtracks. */
export function oneLine(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}

/** The text without its trailing newlines. */
function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charAt(end - 1) === "\n") end--;
  return text.slice(0, end);
}

/** The longest run of `ch` in the text. */
function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** A fence longer than any backtick run in the code, so the code cannot close it early. */
export function fenced(language: string, code: string): string {
  const body = withoutTrailingNewlines(terminalText(code));
  const fence = "`".repeat(Math.max(2, longestRun(body, "`")) + 1);
  return body ? `${fence}${language}\n${body}\n${fence}` : `${fence}${language}\n${fence}`;
}

/** Inline code that survives backticks inside it (CommonMark: a longer delimiter, padded). */
export function inlineCode(text: string): string {
  const flat = oneLine(terminalText(text));
  const ticks = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

const WORD = /[a-z0-9]/i;

/** The characters that make emphasis, code, links, HTML, entities, table cells or math. */
const MARKUP = /[\\`*[\]<>|~&$]/;

/** The escaping loop of plainText over text already on one line (leading spaces kept). */
function escapePlain(flat: string): string {
  let out = "";
  for (let i = 0; i < flat.length; i++) {
    const ch = flat.charAt(i);
    const before = flat.charAt(i - 1);
    const after = flat.charAt(i + 1);
    if (MARKUP.test(ch)) out += `\\${ch}`;
    // An underscore inside a word cannot start emphasis, so snake_case names stay readable.
    else if (ch === "_") out += WORD.test(before) && WORD.test(after) ? ch : "\\_";
    else if (ch === ":" && after === "/") out += "\\:";
    else if (ch === "." && flat.slice(Math.max(0, i - 3), i).toLowerCase() === "www") out += "\\.";
    else if (ch === "@") {
      // A run as one code span: two spans side by side would read as one longer delimiter.
      let end = i;
      while (flat.charAt(end + 1) === "@") end++;
      out += `\`${flat.slice(i, end + 1)}\``;
      i = end;
    } else out += ch;
  }
  return out;
}

/**
 * Plain words inside a line (never at its start, so block markers need no escaping): every
 * character that could start markup is escaped, and so is what GitHub turns into a link by itself:
 * `://` (a URL) and `www.` lose their shape to a backslash, and `@` (an email address or a
 * mention that notifies people) is written as code.
 */
export function plainText(text: string): string {
  return escapePlain(oneLine(terminalText(text)));
}

/**
 * Words in which backtick-quoted parts mean code, as our generators and verdicts write them
 * ("inside `pub trait PersonLookup`"): each pair of backticks becomes a code span (inlineCode),
 * the rest plain text (plainText's escaping), a backtick without a partner a literal one. Escaping
 * the quotes instead would show them as backticks around plain words, not as code.
 */
export function textWithCode(text: string): string {
  const flat = oneLine(terminalText(text));
  let out = "";
  // Code spans side by side (ours, or plainText's for `@`) would read as one longer delimiter.
  const append = (piece: string) =>
    (out += out.endsWith("`") && piece.startsWith("`") ? ` ${piece}` : piece);
  let at = 0;
  while (at < flat.length) {
    const open = flat.indexOf("`", at);
    const close = open === -1 ? -1 : flat.indexOf("`", open + 1);
    if (close === -1) {
      append(escapePlain(flat.slice(at)));
      break;
    }
    append(escapePlain(flat.slice(at, open)));
    const code = flat.slice(open + 1, close);
    if (code.trim() !== "") append(inlineCode(code));
    at = close + 1;
  }
  return out;
}

/** Left as they are in a link destination: URL-safe characters that mean nothing to Markdown. */
const SAFE_IN_TARGET = /^[A-Za-z0-9\-._~:/?#=&]$/;
const HEX = /^[0-9A-Fa-f]$/;

/**
 * A link destination that can neither end early nor carry markup: every character outside a small
 * safe set is percent-encoded (its UTF-8 bytes), and `%` too unless it starts an escape already.
 */
export function linkTarget(url: string): string {
  let out = "";
  for (let i = 0; i < url.length; i++) {
    const ch = url.charAt(i);
    if (SAFE_IN_TARGET.test(ch)) out += ch;
    else if (ch === "%" && HEX.test(url.charAt(i + 1)) && HEX.test(url.charAt(i + 2))) out += ch;
    else {
      const point = url.codePointAt(i) ?? 0;
      if (point > 0xffff) i++;
      for (const byte of new TextEncoder().encode(String.fromCodePoint(point)))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}
