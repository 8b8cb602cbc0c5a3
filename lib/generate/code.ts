/**
 * Generated code written as it reads: the `code` tagged template. Its rules:
 * - Dedent: an empty first and a blank last line are dropped, and the indentation the other lines
 *   share is removed, so a template is indented like the TypeScript around it.
 * - A part spanning lines is indented where it lands: its later lines get the indentation of the
 *   line it starts on. Blank lines carry no indentation.
 * - A line holding only parts that render empty (`""`, null, undefined, false, an empty array) and
 *   whitespace is left out. An array's items are lines; its empty items are left out.
 * - A `Block` is code whose line breaks depend on the column it starts at (rustfmt, ruff and
 *   Prettier count widths from the margin): it is laid out for its line's column, must start that
 *   line, and a template is itself a Block.
 */
export type Block = (column: number) => string;
export type Part = string | number | bigint | Block | null | undefined | false | readonly Part[];

/** A template line is its text, with each part between two texts. */
type Segment = string | { readonly part: Part };

/** Only spaces count as indentation: design text may hold other whitespace, which stays. */
const isSpaces = (text: string): boolean => /^ *$/.test(text);
const leadingSpaces = (text: string): number => /^ */.exec(text)![0].length;
const isBlank = (line: readonly Segment[]): boolean =>
  line.every((s) => typeof s === "string" && isSpaces(s));

/** Splits the template into lines of text and parts, dedented; a blank line is left empty. */
function templateLines(strings: TemplateStringsArray, parts: readonly Part[]): Segment[][] {
  const lines: Segment[][] = [[]];
  strings.forEach((cooked, i) => {
    const [first, ...rest] = (cooked ?? strings.raw[i]!).split("\n");
    lines.at(-1)!.push(first!);
    lines.push(...rest.map((text) => [text]));
    if (i < parts.length) lines.at(-1)!.push({ part: parts[i]! });
  });
  if (lines.length > 1 && isBlank(lines[0]!)) lines.shift();
  if (lines.length > 1 && isBlank(lines.at(-1)!)) lines.pop();
  const common = Math.min(
    ...lines.filter((l) => !isBlank(l)).map((l) => leadingSpaces(l[0] as string)),
  );
  return lines.map((line) =>
    isBlank(line) ? [] : [(line[0] as string).slice(common), ...line.slice(1)],
  );
}

/** A part as text laid out at `column`; `lineStart` says whether only indentation precedes it. */
function renderPart(part: Part, column: number, lineStart: boolean): string {
  if (part === null || part === undefined || part === false) return "";
  if (typeof part === "function") {
    if (!lineStart) throw new Error("a Block must start its line: its layout counts from there");
    return part(column);
  }
  if (typeof part !== "object") return String(part);
  return part
    .map((item) => renderPart(item, column, lineStart))
    .filter((text) => text !== "")
    .join("\n");
}

/** One template line at `column`, or null when it held only parts that rendered empty. */
function renderLine([head = "", ...rest]: readonly Segment[], column: number): string | null {
  const indent = leadingSpaces(head as string);
  let out = head as string;
  let rendered = false;
  for (const segment of rest) {
    if (typeof segment === "string") {
      out += segment;
      continue;
    }
    const text = renderPart(segment.part, column + indent, isSpaces(out));
    rendered ||= text !== "";
    out += text.replaceAll(/\n(?!\n|$)/g, `\n${" ".repeat(indent)}`);
  }
  if (!isSpaces(out)) return out;
  return rest.length > 0 && !rendered ? null : "";
}

export function code(strings: TemplateStringsArray, ...parts: Part[]): Block {
  const lines = templateLines(strings, parts);
  return (column) =>
    lines
      .map((line) => renderLine(line, column))
      .filter((line) => line !== null)
      .join("\n");
}

/** A part as text, laid out for the column it lands at and shown from column 0. */
export const render = (part: Part, column = 0): string => renderPart(part, column, true);

/** Parts separated by a blank line; the empty ones vanish with their separator. */
export function paragraphs(parts: readonly Part[]): Block {
  return (column) =>
    parts
      .map((part) => render(part, column))
      .filter((text) => text !== "")
      .join("\n\n");
}
