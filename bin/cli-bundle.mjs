/**
 * The CLI runs as a bundle, so no TypeScript is compiled at run time: esbuild compiles bin/cli.ts
 * and the lab's worker thread (bin/cli-lab-worker.ts) into one folder of the cache,
 * `cli-<key>/`, where the key is a hash of every source file the bundle can read (bin/, lib/,
 * workers/, the lockfile for the packages bundled in, tsconfig.json for its paths). `npm ci` builds
 * it (the `prepare` script); otherwise the first run builds it, and so does the first run after a
 * source changed, saying so on stderr. Plain JavaScript: it runs before anything is compiled.
 *
 * Reading and hashing every source costs a command about a third of its start, so each checkout
 * keeps a pointer to its bundle with the size and time of each file the bundle was built from:
 * while none of those changed, the bundle is current without reading a source.
 *
 * Packages stay outside the bundle, each imported by the URL Node resolves it to from the package,
 * so the cache folder can be anywhere: PGlite finds its wasm next to its own files, and the
 * TypeScript compiler and protobufjs (apply's parsers) are CommonJS that require Node's modules at
 * run time. PGlite loads only in the worker thread, so commands without a database never load it.
 * Where PGlite resolves is part of the key: it stands for the folder every package comes from.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..");
/** Folders whose .ts and .mjs files (tests aside) the key covers: a build reading anything else fails. */
const SOURCE_DIRS = ["bin", "lib", "workers"];
const SOURCE_FILES = ["package-lock.json", "tsconfig.json"];
/** In each bundle's folder: the sources it was built from, for the pointer. */
const INPUTS_FILE = "inputs.json";
/** Bundles of other sources are removed once built this long ago (another checkout may share the cache). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The package's folder and its cache (`PERSONHOG_RPC_CACHE`, else node_modules/.cache/personhog-rpc):
 * the bundle and the lab's schema snapshot live there.
 */
export function cliPaths() {
  const cache =
    process.env.PERSONHOG_RPC_CACHE || path.join(ROOT, "node_modules", ".cache", "personhog-rpc");
  return { root: ROOT, cache };
}

/** @param {string} file a path relative to the root */
function isSource(file) {
  const [top] = file.split("/");
  return (
    SOURCE_FILES.includes(file) ||
    (SOURCE_DIRS.includes(top ?? "") &&
      (file.endsWith(".ts") || file.endsWith(".mjs")) &&
      !file.endsWith(".test.ts"))
  );
}

/** Every file the key covers, relative to the root, sorted. */
function sourceFiles() {
  const files = SOURCE_DIRS.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((f) =>
      path.posix.join(dir, f.split(path.sep).join("/")),
    ),
  );
  return [...SOURCE_FILES, ...files.filter(isSource)].sort();
}

/** Where the package's PGlite is, and so the folder the bundle imports every package from. */
function pgliteUrl() {
  return import.meta.resolve("@electric-sql/pglite");
}

/**
 * A hash of every covered file's name and bytes, and of where the packages are.
 * @param {string[]} files
 */
function sourceKey(files) {
  const hash = createHash("sha256").update(`${pgliteUrl()}\0`);
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(ROOT, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

/** @param {string} file a path relative to the root: its size and modification time, or "" if gone */
function stamp(file) {
  const s = statSync(path.join(ROOT, file), { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : "";
}

/** @param {string} cache */
function pointerFile(cache) {
  const checkout = createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
  return path.join(cache, `current-${checkout}.json`);
}

/**
 * The bundle this checkout's pointer names, while none of its sources changed since.
 * @param {string} cache
 */
function pointedBundle(cache) {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(pointerFile(cache), "utf8"));
  } catch {
    return null;
  }
  const entry = path.join(cache, String(pointer.bundle), "cli.mjs");
  const stamps = Object.entries(pointer.stamps ?? {});
  if (stamps.length === 0 || stamps.some(([file, was]) => stamp(file) !== was)) return null;
  return existsSync(entry) ? entry : null;
}

/**
 * A bare import that is neither Node's own module nor tsconfig's `@/` alias is a package: left
 * outside, imported by the URL Node resolves it to (the same file Node would load).
 * @type {import("esbuild").Plugin}
 */
const packagesByUrl = {
  name: "packages-by-url",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
      if (specifier.startsWith("@/") || isBuiltin(specifier)) return undefined;
      return { path: import.meta.resolve(specifier), external: true };
    });
  },
};

/**
 * Builds the bundle into `outdir`, with the list of sources it read.
 * @param {string} outdir
 * @returns {Promise<void>}
 */
async function build(outdir) {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error(
      "the CLI bundle is missing and esbuild (a devDependency) is not installed: run npm ci.",
    );
  }
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { cli: "bin/cli.ts", "cli-lab-worker": "bin/cli-lab-worker.ts" },
    outdir,
    // One flat folder: cli-lab's `new URL("./cli-lab-worker.mjs", import.meta.url)` finds the
    // worker's bundle from whichever chunk holds it, as it finds the .mjs entry in bin/ from source.
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [packagesByUrl],
    metafile: true,
    logLevel: "error",
  });
  const inputs = Object.keys(result.metafile.inputs);
  const uncovered = inputs.filter((file) => !file.startsWith("node_modules/") && !isSource(file));
  if (uncovered.length)
    throw new Error(
      `the CLI bundle reads ${uncovered.join(", ")}, which its cache key does not cover (bin/cli-bundle.mjs).`,
    );
  const sources = [...SOURCE_FILES, "bin/cli-bundle.mjs", ...inputs.filter(isSource)];
  await writeFile(path.join(outdir, INPUTS_FILE), JSON.stringify([...new Set(sources)]));
}

/**
 * Removes bundles of other sources built over a day ago (and folders of builds that died).
 * @param {string} cache
 * @param {string} keep
 */
async function removeStale(cache, keep) {
  for (const name of await readdir(cache)) {
    if (!name.startsWith("cli-") || name === keep) continue;
    const dir = path.join(cache, name);
    const { mtimeMs } = await stat(dir).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > STALE_MS) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The bundle's entry for the current sources, built first when missing. Processes that build at
 * the same time each write their own folder and rename it into place; the first one wins.
 *
 * @param {{ cache: string }} paths
 * @param {(text: string) => void} say where the build is announced
 * @returns {Promise<string>} the path of cli.mjs
 */
export async function cliBundle({ cache }, say) {
  const pointed = pointedBundle(cache);
  if (pointed) return pointed;
  const files = sourceFiles();
  // Stamped before reading: a file changed after this is stale in the pointer, never hidden.
  const stamps = new Map(files.map((file) => [file, stamp(file)]));
  const name = `cli-${sourceKey(files)}`;
  const dir = path.join(cache, name);
  const entry = path.join(dir, "cli.mjs");
  if (!existsSync(entry)) {
    const started = performance.now();
    const scratch = `${dir}.${process.pid}.tmp`;
    await mkdir(cache, { recursive: true });
    await rm(scratch, { recursive: true, force: true });
    try {
      await build(scratch);
      await rename(scratch, dir).catch((error) => {
        if (!existsSync(entry)) throw error;
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    await removeStale(cache, name);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(
      `personhog-rpc: built the CLI into ${dir} in ${seconds} s (first run, or the sources changed).\n`,
    );
  }
  const inputs = JSON.parse(await readFile(path.join(dir, INPUTS_FILE), "utf8"));
  const pointer = {
    bundle: name,
    stamps: Object.fromEntries(inputs.map((f) => [f, stamps.get(f) ?? ""])),
  };
  const scratch = `${pointerFile(cache)}.${process.pid}.tmp`;
  await writeFile(scratch, JSON.stringify(pointer));
  await rename(scratch, pointerFile(cache));
  return entry;
}
