/**
 * The SQL lab's browser files (the bundled worker, PGlite's wasm and file-system bundle, the
 * schema snapshot): built into LAB_ASSETS_DIR, compressed there once, and served under
 * LAB_ASSETS_URL by npm start's server (server/lab-assets.ts). PGlite finds its files relative
 * to the worker's URL, so they all share one folder.
 */
import type { Coding } from "./content-coding";

/** Relative to the app's root; git-ignored build output. */
export const LAB_ASSETS_DIR = "lab-assets";
export const LAB_ASSETS_URL = "/lab/";
/** The schema snapshot as the build writes it; the CLI reads it too. */
export const BUILD_SNAPSHOT_FILE = "lab-snapshot.tar.gz";

export interface LabAsset {
  readonly type: string;
  /** The file on disk, as the build leaves it (identity unless `stored` says otherwise). */
  readonly file: string;
  /** A file stored already compressed is sent as is under that coding, decoded only for a client that refuses it. */
  readonly stored?: Coding;
  /** Codings written beside the file at build time (`<file>.br`, `<file>.gz`). */
  readonly precompressed: readonly Coding[];
}

const BOTH: readonly Coding[] = ["br", "gzip"];

export const LAB_ASSETS: Readonly<Record<string, LabAsset>> = {
  "lab-worker.js": {
    type: "text/javascript; charset=utf-8",
    file: "lab-worker.js",
    precompressed: BOTH,
  },
  // The worker's engine (PGlite's JS and the analysis), imported by the worker's script.
  "lab-engine.js": {
    type: "text/javascript; charset=utf-8",
    file: "lab-engine.js",
    precompressed: BOTH,
  },
  "pglite.wasm": { type: "application/wasm", file: "pglite.wasm", precompressed: BOTH },
  "pglite.data": { type: "application/octet-stream", file: "pglite.data", precompressed: BOTH },
  // Read by PGlite only when it runs initdb (the benchmark's `?boot=ddl`).
  "initdb.wasm": { type: "application/wasm", file: "initdb.wasm", precompressed: BOTH },
  // The CLI reads the same gzip tarball. Sent as a tar in gzip coding, the browser unpacks it
  // while it downloads, and PGlite gets a plain tar to untar (no gunzip in the worker).
  "lab-snapshot.tar": {
    type: "application/x-tar",
    file: BUILD_SNAPSHOT_FILE,
    stored: "gzip",
    precompressed: [],
  },
};

/** The assets that get `.br`/`.gz` files beside them at build time. */
export function precompressedFiles(): { file: string; codings: readonly Coding[] }[] {
  return Object.values(LAB_ASSETS)
    .filter((a) => a.precompressed.length > 0)
    .map((a) => ({ file: a.file, codings: a.precompressed }));
}
