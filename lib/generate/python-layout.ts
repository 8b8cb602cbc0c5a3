/** Python laid out as ruff format would (PostHog's line length is 120), from the column it lands at. */
import { code, type Block } from "./code";

export const LINE_LENGTH = 120;

/** A key as Python writes it: the one part alone, several as a tuple `(a, b)`. */
export const pyTuple = (parts: readonly string[]): string =>
  parts.length === 1 ? parts[0]! : `(${parts.join(", ")})`;

/**
 * `head(items)tail` as ruff format breaks brackets at `column`: on one line if it fits, else the
 * items on one indented line, else one item per line (with a trailing comma after arguments).
 * Later lines are relative: the template indents them to the line the block starts on.
 */
function broken(
  head: string,
  brackets: string,
  items: readonly string[],
  separator: string,
  tail: string,
): Block {
  const [open, close] = brackets;
  const inner = items.join(separator);
  return (column) => {
    if (column + head.length + inner.length + tail.length + 2 <= LINE_LENGTH || items.length === 0)
      return `${head}${open}${inner}${close}${tail}`;
    if (column + 4 + inner.length <= LINE_LENGTH)
      return `${head}${open}\n    ${inner}\n${close}${tail}`;
    const comma = separator === ", " ? "," : "";
    return code`
      ${head}${open}
          ${items.map((item) => item + comma)}
      ${close}${tail}
    `(column);
  };
}

/** A call or signature: `head(a, b)tail`. */
export const bracketed = (head: string, items: readonly string[], tail: string): Block =>
  broken(head, "()", items, ", ", tail);

/** A comprehension `head[x for … if …]tail` (or with parentheses), one clause a line at most. */
export const comprehension = (
  head: string,
  brackets: "[]" | "()",
  clauses: readonly string[],
  tail = "",
): Block => broken(head, brackets, clauses, " ", tail);

/** `name = next((row for … if …), None)`: the first match or None, broken as ruff breaks it. */
export function nextOf(name: string, clauses: readonly string[]): Block {
  const inner = clauses.join(" ");
  return (column) =>
    column + 4 + inner.length + 8 <= LINE_LENGTH
      ? bracketed(`${name} = next`, [`(${inner})`, "None"], "")(column)
      : code`
          ${name} = next(
              (
                  ${clauses}
              ),
              None,
          )
        `(column);
}
