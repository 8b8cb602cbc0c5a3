/**
 * Text from a design (names, SQL, comments) placed in Markdown. It comes from links and forms, so
 * it must never be able to close a fence, start a heading or break a table.
 */

/** One line, so text can never start a new block or add a line of code. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** A fence longer than any backtick run in the code, so the code cannot close it early. */
export function fenced(language: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const body = code.replace(/\n+$/, "");
  return body ? `${fence}${language}\n${body}\n${fence}` : `${fence}${language}\n${fence}`;
}

/** Inline code that survives backticks inside it (CommonMark: a longer delimiter, padded). */
export function inlineCode(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * Plain words inside a line (never at its start, so block markers need no escaping): the
 * characters that make emphasis, code, links, HTML, entities or table cells are escaped.
 */
export function plainText(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\`*[\]<>|~&]/g, (ch) => `\\${ch}`)
      // An underscore inside a word cannot start emphasis, so snake_case names stay readable.
      .replace(/_/g, (ch, at: number, all: string) =>
        /[a-z0-9]/i.test(all[at - 1] ?? "") && /[a-z0-9]/i.test(all[at + 1] ?? "") ? ch : `\\${ch}`,
      )
  );
}

/** A link destination that cannot end early: parentheses, spaces and angle brackets encoded. */
export function linkTarget(url: string): string {
  return url.replace(/[()<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
