/**
 * The schema snapshot's data directory, written into PGlite's in-memory file system with as little
 * JavaScript per file as possible. PGlite's own `loadDataDir` parses the tar with a general tar
 * library (every header field sliced and decoded, every file's bytes copied out), then, per file,
 * looks up each of its parent directories, writes a second copy into the file system and sets its
 * times. In a warm process that is cheap; in a fresh browser worker or CLI thread, where none of
 * that code is optimised yet, it was a good part of the boot. Here the tar is read once (name,
 * type and size of each entry), each directory is made once, and each file's bytes stay where they
 * are in the tar: the file system takes them over (`canOwn`) instead of copying them.
 */
import { MemoryFS, type PGlite } from "@electric-sql/pglite";
import { readTar, type DataDirEntry } from "./tar";

/** Where PGlite keeps its data directory (its `PGDATA`, not exported by the package). */
export const PGDATA = "/pglite/data";

/** The slice of Emscripten's FS that writing a data directory needs. */
export interface DataDirFs {
  mkdirTree(path: string, mode?: number): void;
  mkdir(path: string, mode?: number): unknown;
  writeFile(path: string, data: Uint8Array, opts: { canOwn: boolean }): void;
}

/** Writes the entries under `root`, each directory made once, each file's bytes taken over. */
export function writeDataDir(fs: DataDirFs, root: string, entries: readonly DataDirEntry[]): void {
  const made = new Set<string>([""]);
  const makeDir = (dir: string) => {
    if (made.has(dir)) return;
    const slash = dir.lastIndexOf("/");
    makeDir(slash < 0 ? "" : dir.slice(0, slash));
    fs.mkdir(`${root}/${dir}`, 0o700);
    made.add(dir);
  };
  fs.mkdirTree(root, 0o700);
  for (const entry of entries) {
    if (entry.kind === "dir") {
      makeDir(entry.path);
      continue;
    }
    const slash = entry.path.lastIndexOf("/");
    if (slash >= 0) makeDir(entry.path.slice(0, slash));
    fs.writeFile(`${root}/${entry.path}`, entry.data, { canOwn: true });
  }
}

/**
 * PGlite's in-memory file system with a data directory already in it: PGlite finds `PG_VERSION`
 * there after its own files are in place, and starts PostgreSQL on it (no initdb, no tar of its
 * own to read). The tar's buffer becomes the files' storage, so it must not be used afterwards.
 */
export class DataDirFS extends MemoryFS {
  #tar: Uint8Array | null;
  readonly #times: { runtime?: number; dataDir?: number };

  /** `times` gets when PGlite's runtime was up (this is called) and when the directory was written. */
  constructor(tar: Uint8Array, times: { runtime?: number; dataDir?: number } = {}) {
    super();
    this.#tar = tar;
    this.#times = times;
  }

  override async initialSyncFs(): Promise<void> {
    const tar = this.#tar;
    if (!tar) return;
    this.#times.runtime = performance.now();
    this.#tar = null;
    const entries = readTar(tar);
    if (!entries.some((e) => e.kind === "file" && e.path === "PG_VERSION"))
      throw new Error("The snapshot is not a data directory: it has no PG_VERSION.");
    const pg = this.pg as PGlite;
    writeDataDir(pg.Module.FS as unknown as DataDirFs, PGDATA, entries);
    this.#times.dataDir = performance.now();
  }
}
