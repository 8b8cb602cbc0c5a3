/**
 * Snippets regrouped by the file they go into, for "download every file by path" and "copy all for
 * this file". Each file holds only the pieces to paste, each under a comment saying where it goes.
 */
import { isPseudoFile, type Snippet } from "../generate/snippet";
import { fenced, oneLine, plainText, textWithCode } from "./markdown-text";

/** Where snippets for pseudo-files ("(terminal)", "(pull request description)") are collected. */
export const NOTES_FILE = "WORKBENCH-NOTES.md";

/** A comment in the snippet's own language, so the file stays valid after each paste. */
function header(s: Snippet): string {
  const anchor = oneLine(s.anchor);
  switch (s.language) {
    case "proto":
    case "typescript":
    case "rust":
      return `// ${anchor}`;
    case "python":
    case "shell":
      return `# ${anchor}`;
    case "markdown":
      return `<!-- ${anchor.replaceAll("--", "- -")} -->`;
  }
}

/** Header line, code, then a blank line between snippets; the text ends with one newline. */
function fileText(snippets: readonly Snippet[]): string {
  return snippets.map((s) => `${header(s)}\n${s.code.replace(/\n+$/, "")}\n`).join("\n");
}

/** Commands and the PR checklist: what to run and paste, in generation order, with their notes. */
function notesText(snippets: readonly Snippet[]): string {
  const sections = snippets.map((s) =>
    [
      `## ${plainText(s.file.slice(1, -1) || s.file)}: ${textWithCode(s.anchor)}`,
      "",
      fenced(s.language, s.code),
      ...(s.notes.length ? ["", ...s.notes.map((note) => `- ${textWithCode(note)}`)] : []),
      "",
    ].join("\n"),
  );
  return ["# Workbench notes", "", ...sections].join("\n");
}

/** Snippets by target file, in first-seen order; pseudo-files' snippets apart, in order. */
export function groupByFile(snippets: readonly Snippet[]): {
  files: { file: string; snippets: Snippet[] }[];
  pseudo: Snippet[];
} {
  const byFile = new Map<string, Snippet[]>();
  const pseudo: Snippet[] = [];
  for (const s of snippets) {
    if (isPseudoFile(s.file)) pseudo.push(s);
    else byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  }
  return { files: [...byFile].map(([file, group]) => ({ file, snippets: group })), pseudo };
}

/** One entry per target file, in first-seen order, then the notes file if any pseudo-files. */
export function filesFromSnippets(snippets: readonly Snippet[]): { path: string; text: string }[] {
  const { files, pseudo } = groupByFile(snippets);
  const out = files.map((f) => ({ path: f.file, text: fileText(f.snippets) }));
  if (pseudo.length) out.push({ path: NOTES_FILE, text: notesText(pseudo) });
  return out;
}

/**
 * The text "copy all for this file" puts on the clipboard: for a real file, exactly its download;
 * for a pseudo-file such as "(terminal)", its snippets in the same header-and-code form.
 */
export function copyAllText(snippets: readonly Snippet[], file: string): string {
  return fileText(snippets.filter((s) => s.file === file));
}
