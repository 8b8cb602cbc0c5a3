import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { TARGET_LABELS } from "../design/model";
import { generateSnippets } from "../generate/index";
import type { Snippet } from "../generate/snippet";
import { fragmentFolder, fragmentName, README_FILE } from "./fragment-folder";
import { NOTES_FILE } from "./snippet-files";
import { createZip } from "./zip";
import { itAnswersEach } from "../test-cases";
import CASES from "./fragment-folder.cases.json" with { type: "json" };

const dir = mkdtempSync(join(tmpdir(), "workbench-fragments-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const snippet = (file: string): Snippet => ({
  id: "x",
  step: "proto",
  file,
  language: "proto",
  anchor: "append",
  code: "message X {}",
  notes: [],
});

describe("fragmentName", () => {
  itAnswersEach({ fragmentName }, CASES);
});

describe("fragmentFolder", () => {
  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    it(`${name}: one folder, the README first, every file a fragment it lists`, () => {
      const snippets = generateSnippets(design);
      const files = fragmentFolder(design.rpcName, snippets, design.target);
      const root = `${design.rpcName}/`;
      assert.ok(files.every((f) => f.path.startsWith(root)));
      assert.equal(files[0]?.path, `${root}${README_FILE}`);
      const readme = files[0]?.text ?? "";
      assert.match(readme, /These files are \*\*fragments\*\*, not whole files/);
      assert.ok(readme.includes(`Code layout: ${TARGET_LABELS[design.target]}.`));
      for (const s of snippets.filter((s) => !s.file.startsWith("("))) {
        const path = `${root}${fragmentName(s.file)}`;
        assert.ok(
          files.some((f) => f.path === path),
          `${path} is written`,
        );
        assert.ok(readme.includes(`\`${fragmentName(s.file)}\` goes into \`${s.file}\``));
      }
      assert.ok(files.some((f) => f.path === `${root}${NOTES_FILE}`));
      assert.ok(
        files.slice(1).every((f) => /\.fragment(\.[a-z]+)?$|WORKBENCH-NOTES\.md$/.test(f.path)),
      );
    });
  }

  it("unzipped at a checkout's root, overwrites no real file", () => {
    const checkout = join(dir, "checkout");
    const real = join(checkout, "proto/personhog/types/v1/person.proto");
    mkdirSync(join(checkout, "proto/personhog/types/v1"), { recursive: true });
    writeFileSync(real, "real file\n");
    writeFileSync(join(checkout, "README.md"), "real readme\n");
    const zip = join(dir, "GetPersonCount.zip");
    writeFileSync(
      zip,
      createZip(fragmentFolder("GetPersonCount", generateSnippets(WORKED_EXAMPLE), "current")),
    );
    const run = spawnSync(
      "python3",
      [
        "-c",
        "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
        zip,
        checkout,
      ],
      { encoding: "utf8" },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(real, "utf8"), "real file\n");
    assert.equal(readFileSync(join(checkout, "README.md"), "utf8"), "real readme\n");
    assert.match(
      readFileSync(
        join(checkout, "GetPersonCount/proto/personhog/types/v1/person.fragment.proto"),
        "utf8",
      ),
      /message GetPersonCountRequest/,
    );
  });

  it("refuses a snippet path that could leave the folder", () => {
    for (const file of [
      "../../etc/passwd",
      "/etc/passwd",
      "a/../../b.rs",
      "a\\..\\b.rs",
      "a//b.rs",
    ])
      assert.throws(() => fragmentFolder("GetThing", [snippet(file)], "current"), /unsafe/, file);
  });

  it("writes nothing for a name that cannot have code", () => {
    assert.deepEqual(fragmentFolder("..", [snippet("a.proto")], "current"), []);
    assert.deepEqual(fragmentFolder("GetThingResponse", [snippet("a.proto")], "current"), []);
    assert.deepEqual(fragmentFolder("GetThing", [], "current"), []);
  });
});
