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
import { COUNT_DESIGN as DESIGN, runCli as run } from "./spawn-cli";

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

/** The URL of every module the executable's main thread loads while it runs `args`. */
async function modulesLoaded(args: string[], input?: string, exitCode = 0): Promise<string[]> {
  return inTempDir(async (dir) => {
    const hooks = path.join(dir, "hooks.mjs");
    const register = path.join(dir, "register.mjs");
    await writeFile(hooks, LOG_HOOKS);
    await writeFile(
      register,
      `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const log = path.join(dir, "loaded.txt");
    const r = await run(args, input, {
      env: { LOADED_LOG: log },
      nodeArgs: ["--import", pathToFileURL(register).href],
    });
    assert.equal(r.code, exitCode, r.stderr);
    return (await readFile(log, "utf8")).trim().split("\n");
  });
}

/** PGlite, or TypeScript compiled at run time (a .ts source, tsx). */
function forbidden(loaded: readonly string[]): string[] {
  return loaded.filter(
    (url) => url.includes("@electric-sql/pglite") || /\.tsx?$/.test(url) || url.includes("/tsx/"),
  );
}

describe("the personhog-rpc process", () => {
  const noDatabase: [string, string[], string?][] = [
    ["generate", ["generate", "-"], DESIGN],
    ["schema", ["schema"]],
    ["rules", ["rules"]],
    ["link", ["link", "encode", "-"], DESIGN],
  ];
  for (const [command, args, input] of noDatabase) {
    it(`runs ${command} from the bundle without loading PGlite or compiling TypeScript`, async () => {
      const loaded = await modulesLoaded(args, input);
      // The log sees the command's own chunk, loaded on demand: it records what it should.
      const chunk = new RegExp(`/cli-[0-9a-f]+/${command}-command-\\w+\\.mjs$`);
      assert.ok(
        loaded.some((url) => chunk.test(url)),
        loaded.join("\n"),
      );
      assert.deepEqual(forbidden(loaded), []);
      // Nor apply's parsers, which are slow to load.
      assert.deepEqual(
        loaded.filter((url) => url.includes("/typescript/") || url.includes("/protobufjs/")),
        [],
      );
    });
  }

  it("loads apply's parsers for apply: the log sees packages the bundle imports", async () => {
    // apply without arguments prints its usage (exit 2) after its chunk and parsers have loaded.
    const loaded = await modulesLoaded(["apply"], undefined, 2);
    const packages = loaded.filter((url) => url.includes("/node_modules/"));
    assert.ok(
      packages.some((url) => url.endsWith("/typescript/lib/typescript.js")),
      packages.join("\n"),
    );
    assert.ok(
      packages.some((url) => url.includes("/protobufjs/")),
      packages.join("\n"),
    );
    assert.deepEqual(forbidden(loaded), []);
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
