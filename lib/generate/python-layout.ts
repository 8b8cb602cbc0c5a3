/** Python laid out as ruff format would (PostHog's line length is 120), from the column it lands at. */
import { code, type Block } from "./code";

export const LINE_LENGTH = 120;

/** A key as Python writes it: the one part alone, several as a tuple `(a, b)`. */
export const pyTuple = (parts: readonly string[]): string =>
  parts.length === 1 ? parts[0]! : `(${parts.join(", ")})`;

/**
 * `open items close` as ruff format breaks brackets at `column` (`open` ends with the bracket):
 * on one line if it fits, else the items on one indented line, else one item per line (arguments
 * with a trailing comma). Later lines are relative: the template indents them to the first.
 */
function broken(open: string, items: readonly string[], separator: string, close: string): Block {
  const inner = items.join(separator);
  return (column) => {
    if (column + open.length + inner.length + close.length <= LINE_LENGTH || items.length === 0)
      return `${open}${inner}${close}`;
    if (column + 4 + inner.length <= LINE_LENGTH) return `${open}\n    ${inner}\n${close}`;
    const comma = separator === ", " ? "," : "";
    return code`
      ${open}
          ${items.map((item) => item + comma)}
      ${close}
    `(column);
  };
}

/** A call or signature: `head(a, b)tail`. */
export const bracketed = (head: string, items: readonly string[], tail: string): Block =>
  broken(`${head}(`, items, ", ", `)${tail}`);

/** A comprehension `head[x for … if …]tail` (or with parentheses), one clause a line at most. */
export const comprehension = (
  head: string,
  brackets: "[]" | "()",
  clauses: readonly string[],
  tail = "",
): Block => broken(head + brackets[0], clauses, " ", brackets[1] + tail);

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
