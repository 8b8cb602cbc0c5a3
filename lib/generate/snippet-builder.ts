/**
 * The one way generators make a snippet. What follows from the rest is derived, not repeated: the
 * step from the id's prefix (each generator names its snippets after itself), the language from
 * the file, and the column the code is laid out for from its placement.
 */
import { render, type Part } from "./code";
import { columnOf } from "./snippet-placement";
import type { Snippet } from "./snippet";

const STEP_BY_PREFIX: Readonly<Record<string, Snippet["step"]>> = {
  proto: "proto",
  python: "clients",
  node: "clients",
  rust: "rust",
  verify: "verify",
};

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, Snippet["language"]>> = {
  proto: "proto",
  py: "python",
  ts: "typescript",
  rs: "rust",
};

function stepOf(id: string): Snippet["step"] {
  const step = STEP_BY_PREFIX[id.slice(0, id.indexOf("-"))];
  if (!step) throw new Error(`no step for snippet ${id}`);
  return step;
}

function languageOf(file: string): Snippet["language"] {
  if (file === "(terminal)") return "shell";
  if (file === "(pull request description)") return "markdown";
  const language = LANGUAGE_BY_EXTENSION[file.slice(file.lastIndexOf(".") + 1)];
  if (!language) throw new Error(`no language for ${file}`);
  return language;
}

export interface SnippetSource {
  readonly id: string;
  readonly file: string;
  readonly anchor: string;
  readonly code: Part;
  /** Notes that do not apply are written as `condition && "note"` and left out. */
  readonly notes: readonly (string | false | null | undefined)[];
  /**
   * Python and TypeScript snippets keep the indentation they have in their class, so they paste
   * as they are; Rust is shown from column 0.
   */
  readonly indent?: number;
}

export function snippet({ id, file, anchor, code, notes, indent = 0 }: SnippetSource): Snippet {
  const margin = " ".repeat(indent);
  const text = render(code, columnOf(id) + indent)
    .split("\n")
    .map((line) => (line ? margin + line : line))
    .join("\n");
  return {
    id,
    step: stepOf(id),
    file,
    language: languageOf(file),
    anchor,
    code: text,
    notes: notes.filter((note): note is string => typeof note === "string" && note !== ""),
  };
}
