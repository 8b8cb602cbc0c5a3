/** Python laid out as ruff format would (PostHog's line length is 120), from the column it lands at. */
import { code, type Block } from "./code";

export const LINE_LENGTH = 120;

/** A key as Python writes it: the one part alone, several as a tuple `(a, b)`. */
export const pyTuple = (parts: readonly string[]): string =>
  parts.length === 1 ? parts[0]! : `(${parts.join(", ")})`;

/**
 * `head(items)tail` the way ruff format breaks it at `column`: on one line if it fits, else the
 * items on one indented line, else one item per line with a trailing comma.
 */
export function bracketed(head: string, items: readonly string[], tail: string): Block {
  return (column) => {
    const flat = `${head}(${items.join(", ")})${tail}`;
    if (column + flat.length <= LINE_LENGTH || items.length === 0) return flat;
    const inner = items.join(", ");
    if (column + 4 + inner.length <= LINE_LENGTH) return `${head}(\n    ${inner}\n)${tail}`;
    return code`
      ${head}(
          ${items.map((item) => `${item},`)}
      )${tail}
    `(column);
  };
}

/**
 * A comprehension `head[clauses]tail` (or with parentheses) as ruff breaks it: on one line, else
 * the clauses on one indented line, else one clause (`x`, `for …`, `if …`) per line.
 */
export function comprehension(
  head: string,
  brackets: "[]" | "()",
  clauses: readonly string[],
  tail = "",
): Block {
  const [open, close] = brackets;
  return (column) => {
    const inner = clauses.join(" ");
    if (column + head.length + inner.length + tail.length + 2 <= LINE_LENGTH)
      return `${head}${open}${inner}${close}${tail}`;
    // Later lines are relative: the template indents them to the line the block starts on.
    if (column + 4 + inner.length <= LINE_LENGTH)
      return `${head}${open}\n    ${inner}\n${close}${tail}`;
    return code`
      ${head}${open}
          ${clauses}
      ${close}${tail}
    `(column);
  };
}

/** `name = next((row for … if …), None)`: the first match or None, broken as ruff breaks it. */
export function nextOf(name: string, clauses: readonly string[]): Block {
  return (column) => {
    const inner = clauses.join(" ");
    const flat = `${name} = next((${inner}), None)`;
    if (column + flat.length <= LINE_LENGTH) return flat;
    if (column + 4 + inner.length + 8 <= LINE_LENGTH)
      return `${name} = next(\n    (${inner}), None\n)`;
    return code`
      ${name} = next(
          (
              ${clauses}
          ),
          None,
      )
    `(column);
  };
}
