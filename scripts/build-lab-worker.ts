/**
 * Build step: bundles the lab worker with esbuild into the lab's asset folder (its small script,
 * `lab-worker.js`, and the engine it imports beside it, `lab-engine.js`), beside PGlite's wasm
 * and file-system bundle (PGlite finds them relative to the worker script), and compresses each
 * once, brotli and gzip beside it, so the server never compresses them per request (gzipping the
 * 9 MB wasm took next start about 0.4 s a request). A plain file at a fixed URL lets the page
 * start the worker from an inline script in its HTML, before the page's own JavaScript has
 * loaded: the database boot is the slowest thing on the page.
 */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { LAB_ASSETS_DIR, precompressedFiles } from "../lib/serve/lab-assets";
import { precompress } from "./precompress";

const ROOT = path.join(import.meta.dirname, "..");
const OUT_DIR = path.join(ROOT, LAB_ASSETS_DIR);
const PGLITE_DIST = path.join(ROOT, "node_modules", "@electric-sql", "pglite", "dist");
const PGLITE_ASSETS = ["pglite.wasm", "pglite.data", "initdb.wasm"];

/**
 * PGlite's Node-only branches import Node's modules (some statically); in the worker they must
 * resolve to something, and nothing from them runs there. Turbopack does the same with empty stubs.
 */
const NODE_BUILTINS = /^(node:.*|fs|fs\/promises|path|url|crypto|module)$/;
const emptyNodeModules: Plugin = {
  name: "empty-node-modules",
  setup(b) {
    b.onResolve({ filter: NODE_BUILTINS }, (args) => ({ path: args.path, namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
      contents: "export {};",
      loader: "js",
    }));
  },
};

await mkdir(OUT_DIR, { recursive: true });
const result = await build({
  entryPoints: {
    "lab-worker": path.join(ROOT, "workers", "lab.worker.ts"),
    "lab-engine": path.join(ROOT, "workers", "lab-engine.ts"),
  },
  outdir: OUT_DIR,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  plugins: [emptyNodeModules],
  metafile: true,
  logLevel: "warning",
});
for (const asset of PGLITE_ASSETS)
  await copyFile(path.join(PGLITE_DIST, asset), path.join(OUT_DIR, asset));

await Promise.all(
  precompressedFiles().map(({ file, codings }) => precompress(path.join(OUT_DIR, file), codings)),
);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `lab worker: ${path.join(OUT_DIR, "lab-worker.js")} and lab-engine.js (${bytes} bytes) + ${PGLITE_ASSETS.join(", ")}, each also .br and .gz`,
);
