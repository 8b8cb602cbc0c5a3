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

/** Where PGlite keeps its data directory (its `PGDATA`, not exported by the package). */
export const PGDATA = "/pglite/data";

const BLOCK = 512;
/** Bounds for hostile input: more than the snapshot's ~1,000 entries and 16 MB, far less than a DoS. */
const MAX_ENTRIES = 20_000;

export interface DataDirEntry {
  /** Relative to the data directory, without a leading slash: `base/5/1259`. */
  readonly path: string;
  readonly kind: "file" | "dir";
  /** A file's bytes: a view into the tar, not a copy. */
  readonly data: Uint8Array;
}

const decoder = new TextDecoder();

/** A NUL-terminated header field. (Spreading the bytes into fromCharCode cost 25 ms cold.) */
function field(bytes: Uint8Array, from: number, length: number): string {
  let end = from;
  const limit = from + length;
  while (end < limit && bytes[end] !== 0) end++;
  return end === from ? "" : decoder.decode(bytes.subarray(from, end));
}

/** An octal header field: digits, then NUL or space padding (spaces may also lead). */
function octal(bytes: Uint8Array, from: number, length: number, what: string): number {
  let i = from;
  const limit = from + length;
  while (i < limit && bytes[i] === 0x20) i++;
  let value = 0;
  let digits = 0;
  for (; i < limit && bytes[i]! >= 0x30 && bytes[i]! <= 0x37; i++, digits++)
    value = value * 8 + bytes[i]! - 0x30;
  for (; i < limit; i++) if (bytes[i] !== 0 && bytes[i] !== 0x20) digits = 0;
  if (digits === 0 || digits > 11) throw new Error(`The snapshot's ${what} is not a tar number.`);
  return value;
}

/** The header's bytes summed with its checksum field counted as eight spaces. */
function checksumOk(bytes: Uint8Array, at: number): boolean {
  let sum = 8 * 32;
  for (let i = at; i < at + 148; i++) sum += bytes[i]!;
  for (let i = at + 156; i < at + BLOCK; i++) sum += bytes[i]!;
  return sum === octal(bytes, at + 148, 8, "header checksum");
}

/** A path inside the data directory: no `..`, no `.`, no empty segment. */
function relativePath(raw: string): string {
  const path = raw.replace(/^\/+/, "").replace(/\/+$/, "");
  const parts = path.split("/");
  if (!path || parts.some((p) => p === "" || p === "." || p === ".."))
    throw new Error(
      `The snapshot holds a path outside its data directory: ${JSON.stringify(raw)}.`,
    );
  return path;
}

/**
 * The entries of a ustar archive as `dumpDataDir` writes it: regular files and directories only.
 * Anything else (a link, a bad checksum, a size past the end) is refused rather than guessed at.
 */
export function readTar(tar: Uint8Array): DataDirEntry[] {
  const entries: DataDirEntry[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    if (tar[at] === 0 && tar.subarray(at, at + BLOCK).every((b) => b === 0)) return entries;
    if (entries.length >= MAX_ENTRIES) throw new Error("The snapshot holds too many files.");
    if (!checksumOk(tar, at)) throw new Error("The snapshot's tar has a damaged header.");
    const prefix = field(tar, at + 345, 155);
    const name = field(tar, at + 0, 100);
    const path = relativePath(prefix ? `${prefix}/${name}` : name);
    const size = octal(tar, at + 124, 12, "file size");
    const type = tar[at + 156];
    const start = at + BLOCK;
    if (start + size > tar.length) throw new Error("The snapshot's tar is cut short.");
    if (type === 0x30 || type === 0) {
      entries.push({ path, kind: "file", data: tar.subarray(start, start + size) });
    } else if (type === 0x35) {
      entries.push({ path, kind: "dir", data: tar.subarray(start, start) });
    } else {
      throw new Error(
        `The snapshot holds an entry that is neither a file nor a directory: ${path}.`,
      );
    }
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error("The snapshot's tar has no end.");
}

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
