import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WORKED_EXAMPLE } from "../lib/design/defaults";
import { fragmentFolder } from "../lib/export/fragment-folder";
import { generateSnippets } from "../lib/generate/index";
import { InputError } from "./io";
import { writeFolder } from "./write-folder";

const root = mkdtempSync(path.join(tmpdir(), "workbench-out-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh DIR, and beside it a folder standing for everything outside DIR. */
function fresh(): { dir: string; outside: string } {
  const base = path.join(root, String(n++));
  mkdirSync(path.join(base, "outside"), { recursive: true });
  return { dir: path.join(base, "out"), outside: path.join(base, "outside") };
}

const FILES = fragmentFolder(
  "GetPersonCount",
  generateSnippets(WORKED_EXAMPLE),
  WORKED_EXAMPLE.target,
);

describe("writeFolder (generate --out)", () => {
  it("writes every file under DIR/<RpcName>, by its path, and returns them", async () => {
    const { dir } = fresh();
    const written = await writeFolder(dir, FILES, false);
    assert.deepEqual(
      written,
      FILES.map((f) => f.path),
    );
    for (const f of FILES) assert.equal(readFileSync(path.join(dir, f.path), "utf8"), f.text);
    assert.deepEqual(readdirSync(dir), ["GetPersonCount"]);
  });

  it("refuses a non-empty folder without force, writing nothing; with force overwrites only its files", async () => {
    const { dir } = fresh();
    mkdirSync(path.join(dir, "GetPersonCount"), { recursive: true });
    writeFileSync(path.join(dir, "GetPersonCount/mine.txt"), "keep me");
    await assert.rejects(writeFolder(dir, FILES, false), (error: Error) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /GetPersonCount is not empty; nothing was written.*--force/);
      return true;
    });
    assert.deepEqual(readdirSync(path.join(dir, "GetPersonCount")), ["mine.txt"]);
    writeFileSync(path.join(dir, "GetPersonCount/README.md"), "old");
    await writeFolder(dir, FILES, true);
    assert.equal(readFileSync(path.join(dir, "GetPersonCount/mine.txt"), "utf8"), "keep me");
    assert.equal(readFileSync(path.join(dir, "GetPersonCount/README.md"), "utf8"), FILES[0]!.text);
  });

  it("refuses any path that would leave the folder, before writing anything", async () => {
    for (const bad of [
      "GetPersonCount/../../outside/x",
      "../outside/x",
      "/tmp/x",
      "GetPersonCount/a\\..\\..\\x",
      "Other/x",
      "GetPersonCount",
    ]) {
      const { dir, outside } = fresh();
      await assert.rejects(
        writeFolder(dir, [FILES[0]!, { path: bad, text: "evil" }], true),
        InputError,
        bad,
      );
      assert.equal(existsSync(dir), false, `${bad}: nothing written`);
      assert.deepEqual(readdirSync(outside), []);
    }
  });

  it("never writes through a symbolic link or a hard link planted in the folder", async () => {
    const { dir, outside } = fresh();
    const folder = path.join(dir, "GetPersonCount");
    mkdirSync(folder, { recursive: true });
    symlinkSync(outside, path.join(folder, "proto"));
    await assert.rejects(writeFolder(dir, FILES, true), /is a link or a file, not a folder/);
    assert.deepEqual(readdirSync(outside), []);

    const second = fresh();
    const target = path.join(second.outside, "victim.md");
    writeFileSync(target, "outside");
    mkdirSync(path.join(second.dir, "GetPersonCount"), { recursive: true });
    linkSync(target, path.join(second.dir, "GetPersonCount/README.md"));
    await assert.rejects(writeFolder(second.dir, FILES, true), /not a plain file/);
    assert.equal(readFileSync(target, "utf8"), "outside");

    const third = fresh();
    mkdirSync(path.join(third.dir, "GetPersonCount"), { recursive: true });
    symlinkSync(path.join(third.outside, "x"), path.join(third.dir, "GetPersonCount/README.md"));
    await assert.rejects(writeFolder(third.dir, FILES, true), /not a plain file/);
    assert.deepEqual(readdirSync(third.outside), []);
  });

  it("says why when DIR cannot be a folder", async () => {
    const { dir } = fresh();
    writeFileSync(dir, "a file");
    await assert.rejects(writeFolder(dir, FILES, false), /cannot (use|write under)/);
  });
});
