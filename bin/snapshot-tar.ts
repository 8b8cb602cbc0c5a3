/**
 * The snapshot's tar as the CLI caches it: whether a file is a whole tar archive, and the tar with
 * its WAL segments cut after their last written page.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { concatBytes } from "../lib/bytes";

const BLOCK = 512;

/** A header's checksum: its bytes summed with the checksum field (8 bytes at 148) as spaces. */
function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

/** An octal number field: digits, padded with spaces or NULs; NaN if it is anything else. */
function octalField(header: Uint8Array, at: number, length: number): number {
  const text = new TextDecoder().decode(header.subarray(at, at + length));
  const digits = text.replace(/^[\0 ]+|[\0 ]+$/g, "");
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : NaN;
}

const isZero = (block: Uint8Array) => block.every((b) => b === 0);

/**
 * Every header's checksum right, every file's data within the file, and the two zero blocks that
 * end an archive. It reads the headers only (about a thousand blocks of 512 bytes for the lab's
 * snapshot), so a cached tar is checked at every run without reading all of it first.
 */
export function isWholeTar(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return false;
  }
  try {
    const { size } = fstatSync(fd);
    const block = new Uint8Array(BLOCK);
    const read = (at: number) => readSync(fd, block, 0, BLOCK, at) === BLOCK;
    for (let at = 0; at + BLOCK <= size;) {
      if (!read(at)) return false;
      if (isZero(block)) return at + 2 * BLOCK <= size && read(at + BLOCK) && isZero(block);
      if (octalField(block, 148, 8) !== checksumOf(block)) return false;
      const length = octalField(block, 124, 12);
      if (Number.isNaN(length)) return false;
      at += BLOCK + Math.ceil(length / BLOCK) * BLOCK;
    }
    return false;
  } finally {
    closeSync(fd);
  }
}

/** PostgreSQL reads WAL a page at a time; a page of zeros is where the WAL ends. */
const WAL_PAGE = 8192;
const WAL_SEGMENT = /(^|\/)pg_wal\/[0-9A-F]{24}$/;

const nameOf = (header: Uint8Array) =>
  new TextDecoder().decode(header.subarray(0, 100)).replace(/\0.*$/s, "");

/** The bytes up to the end of the last page that holds anything (one page at least). */
function writtenPages(data: Uint8Array): number {
  let last = data.length - 1;
  while (last >= 0 && data[last] === 0) last--;
  return Math.min(data.length, Math.max(1, Math.ceil((last + 1) / WAL_PAGE)) * WAL_PAGE);
}

/** A copy of a header that gives another size, its checksum made again. */
function withSize(header: Uint8Array, size: number): Uint8Array {
  const copy = header.slice();
  copy.set(new TextEncoder().encode(`${size.toString(8).padStart(11, "0")}\0`), 124);
  copy.set(new TextEncoder().encode(`${checksumOf(copy).toString(8).padStart(6, "0")}\0 `), 148);
  return copy;
}

/**
 * The tar with each WAL segment (16 MB, zero-filled when made) cut after its last written page:
 * the snapshot's one segment holds a checkpoint record in its first page, and the 16 MB were
 * half of what PGlite copied at every boot. PostgreSQL reads the WAL up to its first zeroed
 * record, inside the pages kept, and a write past the file's end extends the file. The lab's
 * verdicts from a trimmed snapshot are tested equal (lib/sql/snapshot.test.ts).
 */
export function trimWalSegments(tar: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    const size = isZero(header) ? NaN : octalField(header, 124, 12);
    if (Number.isNaN(size)) {
      parts.push(tar.subarray(at));
      break;
    }
    const stored = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    const kept = WAL_SEGMENT.test(nameOf(header)) ? writtenPages(data) : size;
    // A kept length of whole WAL pages is whole tar blocks too: no padding to add.
    if (kept < size) parts.push(withSize(header, kept), data.subarray(0, kept));
    else parts.push(tar.subarray(at, at + stored));
    at += stored;
  }
  return concatBytes(parts);
}
