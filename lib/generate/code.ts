/**
 * Generated code written as it reads: the `code` tagged template. Its rules:
 * - Dedent: an empty first line and a blank last line are dropped, and the indentation the other
 *   lines share is removed, so a template is indented like the TypeScript around it.
 * - A part that spans lines is indented where it lands: its later lines get the indentation of
 *   the line it starts on. Blank lines carry no indentation.
 * - Empty parts vanish with their line: a line holding only parts that render empty (`""`,
 *   null, undefined, false, an empty array) and whitespace is left out.
 * - An array's items are lines; items that render empty are left out.
 * - A `Block` is code whose line breaks depend on the column it starts at (rustfmt, ruff and
 *   Prettier count widths from the file's margin). It is laid out for the column of its line,
 *   which it must start, and a template is itself a Block.
 */
export type Block = (column: number) => string;
export type Part = string | number | bigint | Block | null | undefined | false | readonly Part[];

type Text = { readonly text: string };
type Segment = Text | { readonly part: Part };

/** Only spaces count as indentation: design text may hold other whitespace, which stays. */
const isSpaces = (text: string): boolean => /^ *$/.test(text);
const leadingSpaces = (text: string): number => /^ */.exec(text)![0].length;
const isBlank = (line: readonly Segment[]): boolean =>
  line.every((s) => "text" in s && isSpaces(s.text));

/** Splits the template into lines of text and parts, dedented. */
function templateLines(strings: TemplateStringsArray, parts: readonly Part[]): Segment[][] {
  const lines: Segment[][] = [[]];
  strings.forEach((cooked, i) => {
    const [first, ...rest] = (cooked ?? strings.raw[i]!).split("\n");
    lines[lines.length - 1]!.push({ text: first! });
    for (const text of rest) lines.push([{ text }]);
    if (i < parts.length) lines[lines.length - 1]!.push({ part: parts[i]! });
  });
  if (lines.length > 1 && isBlank(lines[0]!)) lines.shift();
  if (lines.length > 1 && isBlank(lines[lines.length - 1]!)) lines.pop();
  const indents = lines.filter((l) => !isBlank(l)).map((l) => leadingSpaces((l[0] as Text).text));
  const common = Math.min(...indents, Infinity);
  return lines.map(([head, ...tail]) =>
    isBlank([head!, ...tail]) ? [] : [{ text: (head as Text).text.slice(common) }, ...tail],
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

/** One template line at `column`, or null when it held only empty parts. */
function renderLine(line: readonly Segment[], column: number): string | null {
  if (line.length === 0) return "";
  const indent = leadingSpaces((line[0] as Text).text);
  let out = "";
  let hasPart = false;
  let allEmpty = true;
  for (const segment of line) {
    if ("text" in segment) {
      out += segment.text;
      continue;
    }
    hasPart = true;
    const text = renderPart(segment.part, column + indent, isSpaces(out));
    if (text !== "") allEmpty = false;
    out += text.replaceAll(/\n(?!\n|$)/g, `\n${" ".repeat(indent)}`);
  }
  if (hasPart && allEmpty && isSpaces(out)) return null;
  return isSpaces(out) ? "" : out;
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
export function render(part: Part, column = 0): string {
  return renderPart(part, column, true);
}

/** Parts separated by a blank line; the empty ones vanish with their separator. */
export function paragraphs(parts: readonly Part[]): Block {
  return (column) =>
    parts
      .map((part) => render(part, column))
      .filter((text) => text !== "")
      .join("\n\n");
}
