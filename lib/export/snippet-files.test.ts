import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { generateSnippets } from "../generate/index";
import type { Snippet } from "../generate/snippet";
import { copyAllText, filesFromSnippets, NOTES_FILE } from "./snippet-files";
import { createZip } from "./zip";

const snippet = (s: Partial<Snippet> & Pick<Snippet, "id" | "file" | "language">): Snippet => ({
  step: "proto",
  anchor: `anchor of ${s.id}`,
  code: `code of ${s.id}`,
  notes: [],
  ...s,
});

const SNIPPETS: Snippet[] = [
  snippet({ id: "p1", file: "a/types.proto", language: "proto" }),
  snippet({ id: "py", file: "b/client.py", language: "python", code: "def f():\n    pass\n\n" }),
  snippet({
    id: "cmd",
    file: "(terminal)",
    language: "shell",
    code: "make gen",
    notes: ["Run it."],
  }),
  snippet({ id: "p2", file: "a/types.proto", language: "proto" }),
  snippet({ id: "ts", file: "c/client.ts", language: "typescript" }),
  snippet({ id: "rs", file: "d/lib.rs", language: "rust" }),
  snippet({ id: "sh", file: "e/gen.sh", language: "shell" }),
  snippet({
    id: "pr",
    file: "(pull request description)",
    language: "markdown",
    anchor: "paste into the PR",
    code: "- [x] done\n- [ ] todo",
  }),
];

const textOf = (path: string) => filesFromSnippets(SNIPPETS).find((f) => f.path === path)?.text;

describe("filesFromSnippets", () => {
  it("groups snippets by file in first-seen order, pseudo-files into the notes file last", () => {
    assert.deepEqual(
      filesFromSnippets(SNIPPETS).map((f) => f.path),
      ["a/types.proto", "b/client.py", "c/client.ts", "d/lib.rs", "e/gen.sh", NOTES_FILE],
    );
  });

  it("writes each snippet of a file as header, code, then a blank line before the next", () => {
    assert.equal(
      textOf("a/types.proto"),
      "// anchor of p1\ncode of p1\n\n// anchor of p2\ncode of p2\n",
    );
    // Trailing newlines in the code collapse, so the file ends with exactly one.
    assert.equal(textOf("b/client.py"), "# anchor of py\ndef f():\n    pass\n");
  });

  it("comments the header in the file's language", () => {
    assert.match(textOf("c/client.ts")!, /^\/\/ anchor of ts\n/);
    assert.match(textOf("d/lib.rs")!, /^\/\/ anchor of rs\n/);
    assert.match(textOf("e/gen.sh")!, /^# anchor of sh\n/);
    assert.match(textOf("b/client.py")!, /^# anchor of py\n/);
  });

  it("keeps a multi-line anchor on its header line", () => {
    const [file] = filesFromSnippets([
      snippet({ id: "x", file: "x.py", language: "python", anchor: "first\n  second" }),
    ]);
    assert.equal(file?.text, "# first second\ncode of x\n");
  });

  it("puts commands and the checklist into the notes file, fenced, with their notes", () => {
    assert.equal(
      textOf(NOTES_FILE),
      [
        "# Workbench notes",
        "",
        "## terminal: anchor of cmd",
        "",
        "```shell",
        "make gen",
        "```",
        "",
        "- Run it.",
        "",
        "## pull request description: paste into the PR",
        "",
        "```markdown",
        "- [x] done",
        "- [ ] todo",
        "```",
        "",
      ].join("\n"),
    );
  });

  it("fences code that itself contains backticks with a longer fence", () => {
    const [notes] = filesFromSnippets([
      snippet({ id: "t", file: "(terminal)", language: "shell", code: "echo ```x```" }),
    ]);
    assert.match(notes!.text, /\n````shell\necho ```x```\n````\n/);
  });

  it("writes no notes file without pseudo-files, and nothing for no snippets", () => {
    assert.deepEqual(
      filesFromSnippets(SNIPPETS.filter((s) => !s.file.startsWith("("))).map((f) => f.path),
      ["a/types.proto", "b/client.py", "c/client.ts", "d/lib.rs", "e/gen.sh"],
    );
    assert.deepEqual(filesFromSnippets([]), []);
  });

  it("gives real generator output paths the zip writer accepts", () => {
    for (const design of [WORKED_EXAMPLE, ...Object.values(DESIGN_FIXTURES)]) {
      const files = filesFromSnippets(generateSnippets(design));
      assert.ok(files.length > 1);
      assert.ok(files.every((f) => !f.path.startsWith("(")));
      assert.ok(createZip(files).length > 0);
    }
  });
});

describe("copyAllText", () => {
  it("returns exactly the downloaded text for a real file", () => {
    for (const { path, text } of filesFromSnippets(SNIPPETS).filter((f) => f.path !== NOTES_FILE))
      assert.equal(copyAllText(SNIPPETS, path), text);
  });

  it("gives a pseudo-file its snippets in the same header-and-code form", () => {
    assert.equal(copyAllText(SNIPPETS, "(terminal)"), "# anchor of cmd\nmake gen\n");
  });

  it("returns an empty string for a file with no snippets", () => {
    assert.equal(copyAllText(SNIPPETS, "nowhere.txt"), "");
  });
});
