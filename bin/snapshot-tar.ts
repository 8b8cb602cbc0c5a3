/** The snapshot's tar as the CLI caches it: whether a file is a whole tar archive. */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

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
