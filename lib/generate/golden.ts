/**
 * Golden files for generated code: a test compares the generator's output with the file under
 * lib/generate/golden/; `UPDATE_GOLDEN=1` rewrites them (review the diff before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import type { Snippet } from "./snippet";

const GOLDEN_DIR = path.join(import.meta.dirname, "golden");

export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI && !existsSync(file))
      assert.fail(`golden file ${name} is missing (run with UPDATE_GOLDEN=1 locally)`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, "utf8"), `generated output differs from golden/${name}`);
}

/** Snippets as a golden file holds them: id, file, anchor, notes and imports above each one's code. */
export function renderSnippets(snippets: readonly Snippet[]): string {
  return snippets
    .map((s) =>
      [
        `## ${s.id}`,
        `file: ${s.file}`,
        `anchor: ${s.anchor}`,
        ...s.notes.map((n) => `note: ${n}`),
        ...(s.imports ?? []).map((i) => `import: { ${i.names.join(", ")} } from '${i.from}'`),
        "",
        s.code,
      ].join("\n"),
    )
    .join("\n\n")
    .concat("\n");
}
