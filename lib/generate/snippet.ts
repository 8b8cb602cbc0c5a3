/** A generated piece of code and where it goes, for the UI, the CLI, downloads and checklists. */
export const SNIPPET_LANGUAGES = [
  "proto",
  "python",
  "typescript",
  "rust",
  "shell",
  "markdown",
] as const;

/** An import a snippet's code needs in its file: `import { A, type B } from 'module'`. */
export interface TsImport {
  readonly from: string;
  /** As the braces list them: `type B` for a type-only name. */
  readonly names: readonly string[];
}

export interface Snippet {
  /** Stable id, unique within one generation (`proto-messages`, `rust-storage-trait`, …). */
  readonly id: string;
  /** Which guide step it belongs to, for grouping. */
  readonly step: "proto" | "clients" | "rust" | "verify";
  /** Path in PostHog's repository, or "(terminal)" for commands. */
  readonly file: string;
  readonly language: (typeof SNIPPET_LANGUAGES)[number];
  /** Where in that file it goes. */
  readonly anchor: string;
  readonly code: string;
  /** What to watch out for, in a sentence or two each. */
  readonly notes: readonly string[];
  /** TypeScript only: the imports the code needs; apply adds those its file lacks. */
  readonly imports?: readonly TsImport[];
}

/** "(terminal)", "(pull request description)": snippets that name no file in the repository. */
export const isPseudoFile = (file: string): boolean => file.startsWith("(");
