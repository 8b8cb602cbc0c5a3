/**
 * The schema snapshot's tar (ustar, as `dumpDataDir` writes it), read with as little JavaScript per
 * entry as possible: the browser's worker and the CLI read it at every boot, in code not yet
 * optimised. Anything but regular files and directories, a damaged header, a size past the end or
 * a missing end is refused, never guessed at. No PGlite here: the CLI checks its cached tar on a
 * thread that must not load PGlite.
 */
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

/** Whether the block at `at` is whole and all zeros. */
function isZero(bytes: Uint8Array, at: number): boolean {
  if (at + BLOCK > bytes.length) return false;
  for (let i = at; i < at + BLOCK; i++) if (bytes[i] !== 0) return false;
  return true;
}

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
    if (isZero(tar, at)) {
      // An archive ends with two zero blocks: one alone is a tar cut short.
      if (isZero(tar, at + BLOCK)) return entries;
      break;
    }
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
