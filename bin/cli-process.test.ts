/**
 * The executable at agent speed: it runs a bundle (no TypeScript compiled at run time), commands
 * without a database never load PGlite, and check-sql boots from the schema snapshot, made once.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCli as run } from "./spawn-cli";

const DESIGN = JSON.stringify({
  rpcName: "GetPersonCount",
  domain: "person",
  tables: ["posthog_person"],
  operation: "read",
  request: [{ name: "team_id", type: "int64" }],
  response: { kind: "new", fields: [{ name: "count", type: "int64" }] },
});
const SQL = "SELECT * FROM posthog_person WHERE team_id = $1 AND id = $2";

/** Module hooks that write the URL of every module the main thread loads to $LOADED_LOG. */
const LOG_HOOKS = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_LOG, url + "\\n");
  return next(url, context);
}`;

async function inTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cli-process-"));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the personhog-rpc process", () => {
  it("runs generate from the bundle without loading PGlite or compiling TypeScript", async () => {
    const loaded = await inTempDir(async (dir) => {
      const hooks = path.join(dir, "hooks.mjs");
      const register = path.join(dir, "register.mjs");
      await writeFile(hooks, LOG_HOOKS);
      await writeFile(
        register,
        `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
      );
      const log = path.join(dir, "loaded.txt");
      const r = await run(["generate", "-"], DESIGN, {
        env: { LOADED_LOG: log },
        nodeArgs: ["--import", pathToFileURL(register).href],
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /message GetPersonCountRequest \{/);
      return (await readFile(log, "utf8")).trim().split("\n");
    });
    // The log sees the command's own chunk, loaded on demand: it records what it should.
    assert.ok(
      loaded.some((url) => /\/cli-[0-9a-f]+\/generate-command-\w+\.mjs$/.test(url)),
      loaded.join("\n"),
    );
    assert.deepEqual(
      loaded.filter(
        (url) =>
          url.includes("@electric-sql/pglite") || /\.tsx?$/.test(url) || url.includes("/tsx/"),
      ),
      [],
    );
  });

  it("boots check-sql from the schema snapshot, made once when the build has not made it", async () => {
    await inTempDir(async (cache) => {
      const env = { PERSONHOG_RPC_CACHE: cache, PERSONHOG_RPC_DEBUG: "lab" };
      const first = await run(["check-sql", SQL], undefined, { env });
      assert.equal(first.code, 0, first.stderr);
      assert.match(
        first.stderr,
        /personhog-rpc: built the CLI into .* \(first run, or the sources changed\)/,
      );
      const fromBuild = /lab booted from the schema snapshot \(made by the build: /.test(
        first.stderr,
      );
      if (!fromBuild) {
        assert.match(
          first.stderr,
          /making the lab's schema snapshot from the DDL, once, into .*lab-snapshot-[0-9a-f]+\.tar\.gz/,
        );
        assert.match(first.stderr, /lab booted from the schema snapshot \(made now: /);
      }
      const second = await run(["check-sql", SQL], undefined, { env });
      assert.equal(second.code, 0, second.stderr);
      assert.match(
        second.stderr,
        /^personhog-rpc: lab booted from the schema snapshot \((made by the build|cached): [^\n]+\) in \d+ ms\.\n$/,
      );
      assert.match(second.stdout, /\nPASS\n$/);
    });
  });
});
