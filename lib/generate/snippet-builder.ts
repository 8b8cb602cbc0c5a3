/**
 * The one way generators make a snippet. What follows from the rest is derived, not repeated: the
 * step from the id's prefix (each generator names its snippets after itself), the language from
 * the file, and the column the code is laid out for from its placement.
 */
import { render, type Part } from "./code";
import { columnOf } from "./snippet-placement";
import type { Snippet, TsImport } from "./snippet";

const STEP_BY_PREFIX: Readonly<Record<string, Snippet["step"]>> = {
  proto: "proto",
  python: "clients",
  node: "clients",
  rust: "rust",
  verify: "verify",
};

/** By extension; a pseudo-file has none, so its whole name is the key. */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, Snippet["language"]>> = {
  proto: "proto",
  py: "python",
  ts: "typescript",
  rs: "rust",
  "(terminal)": "shell",
  "(pull request description)": "markdown",
};

function lookup<T>(table: Readonly<Record<string, T>>, key: string, what: string): T {
  if (!Object.hasOwn(table, key)) throw new Error(`no ${what}`);
  return table[key]!;
}

export interface SnippetSource {
  readonly id: string;
  readonly file: string;
  readonly anchor: string;
  readonly code: Part;
  /** Notes that do not apply are written as `condition && "note"` and left out. */
  readonly notes: readonly (string | false | null | undefined)[];
  /** Python and TypeScript keep their indentation in their class, so they paste as they are. */
  readonly indent?: number;
  readonly imports?: readonly TsImport[];
}

export function snippet({
  id,
  file,
  anchor,
  code,
  notes,
  indent = 0,
  imports,
}: SnippetSource): Snippet {
  return {
    id,
    step: lookup(STEP_BY_PREFIX, id.split("-")[0]!, `step for snippet ${id}`),
    file,
    language: lookup(LANGUAGE_BY_EXTENSION, file.split(".").pop()!, `language for ${file}`),
    anchor,
    code: render(code, columnOf(id) + indent)
      .split("\n")
      .map((line) => (line ? " ".repeat(indent) + line : line))
      .join("\n"),
    notes: notes.filter((note): note is string => typeof note === "string" && note !== ""),
    ...(imports && { imports }),
  };
}
