/** The snapshot's tar as the CLI caches it: whether bytes read from the cache are a whole tar archive. */

const BLOCK = 512;

/** A header's checksum: its bytes summed with the checksum field (8 bytes at 148) as spaces. */
function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

const isPad = (byte: number | undefined) => byte === 0 || byte === 0x20;

/**
 * An octal number field: digits, padded with spaces or NULs; NaN if it is anything else. Read
 * from the bytes: a thousand headers are checked at every boot.
 */
function octalField(header: Uint8Array, at: number, length: number): number {
  const end = at + length;
  let i = at;
  while (i < end && isPad(header[i])) i++;
  let value = 0;
  const first = i;
  for (; i < end && header[i]! >= 0x30 && header[i]! <= 0x37; i++)
    value = value * 8 + header[i]! - 0x30;
  if (i === first) return NaN;
  for (; i < end; i++) if (!isPad(header[i])) return NaN;
  return value;
}

const isZero = (block: Uint8Array) => block.every((b) => b === 0);

/**
 * Every header's checksum right, every file's data within the bytes, and the two zero blocks that
 * end an archive. The lab reads the whole tar anyway, so it is checked where it lies in memory:
 * about a thousand headers of 512 bytes for the lab's snapshot, no read of its own.
 */
export function isWholeTar(tar: Uint8Array): boolean {
  const block = (at: number) => tar.subarray(at, at + BLOCK);
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = block(at);
    if (isZero(header)) return at + 2 * BLOCK <= tar.length && isZero(block(at + BLOCK));
    if (octalField(header, 148, 8) !== checksumOf(header)) return false;
    const length = octalField(header, 124, 12);
    if (Number.isNaN(length)) return false;
    at += BLOCK + Math.ceil(length / BLOCK) * BLOCK;
  }
  return false;
}
