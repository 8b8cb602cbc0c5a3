/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): STORE only, because snippets are a few kilobytes and
 * a deflater would be the only dependency. Pure, so it runs in Node and the browser alike.
 */
import { concatBytes } from "../bytes";
import { pathProblem } from "./safe-path";

export interface ZipFile {
  readonly path: string;
  readonly text: string;
}

/** 1980-01-01 00:00, the earliest DOS date: the same input always gives the same bytes. */
const DEFAULT_DATE = new Date(Date.UTC(1980, 0, 1));

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE, reflected), the checksum every ZIP reader verifies. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Extractors write where the name says: anything that could escape the target folder is a bug. */
function checkPath(path: string): void {
  const problem = pathProblem(path);
  if (problem) throw new Error(`createZip: invalid path ${JSON.stringify(path)}: ${problem}`);
}

/** DOS time and date fields; UTC so the bytes do not depend on the machine's time zone. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = date.getUTCFullYear();
  if (!(year >= 1980 && year <= 2107)) throw new Error(`createZip: date ${date} outside 1980–2107`);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_FLAG = 0x0800; // bit 11: names are UTF-8, not CP437
const VERSION = 20; // 2.0: the lowest version that readers accept for plain STORE entries
const MADE_BY_UNIX = (3 << 8) | VERSION; // host 3 = Unix, so external attributes mean a mode
const FILE_MODE = 0o100644 << 16; // regular file, rw-r--r--, so unzip does not extract 0000

/** Little-endian writer over a growable list of chunks. */
class Out {
  readonly chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  fields(...pairs: [size: 2 | 4, value: number][]): void {
    const buf = new Uint8Array(pairs.reduce((n, [size]) => n + size, 0));
    const view = new DataView(buf.buffer);
    let at = 0;
    for (const [size, value] of pairs) {
      if (size === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value >>> 0, true);
      at += size;
    }
    this.bytes(buf);
  }
}

/** The archive as bytes: local header + data per file, then the central directory and its end. */
export function createZip(files: readonly ZipFile[], date: Date = DEFAULT_DATE): Uint8Array {
  const seen = new Set<string>();
  for (const { path } of files) {
    checkPath(path);
    if (seen.has(path)) throw new Error(`createZip: duplicate path ${JSON.stringify(path)}`);
    seen.add(path);
  }
  // Without ZIP64 the counts are 16 bits and offsets 32 bits; snippets come nowhere near either.
  if (files.length > 0xffff) throw new Error("createZip: more than 65535 files needs ZIP64");
  const { time, day } = dosDateTime(date);
  const utf8 = new TextEncoder();
  const out = new Out();
  const central = new Out();
  for (const file of files) {
    const name = utf8.encode(file.path);
    const data = utf8.encode(file.text);
    const crc = crc32(data);
    const offset = out.length;
    // prettier-ignore
    const common: [2 | 4, number][] = [
      [2, VERSION], [2, UTF8_FLAG], [2, 0 /* STORE */], [2, time], [2, day],
      [4, crc], [4, data.length], [4, data.length], [2, name.length], [2, 0 /* extra */],
    ];
    out.fields([4, 0x04034b50], ...common);
    out.bytes(name);
    out.bytes(data);
    central.fields([4, 0x02014b50], [2, MADE_BY_UNIX], ...common);
    // comment length, disk number, internal attributes, external attributes, local header offset
    central.fields([2, 0], [2, 0], [2, 0], [4, FILE_MODE], [4, offset]);
    central.bytes(name);
  }
  const centralOffset = out.length;
  if (centralOffset + central.length > 0xffffffff) throw new Error("createZip: over 4 GiB");
  for (const chunk of central.chunks) out.bytes(chunk);
  // prettier-ignore
  out.fields(
    [4, 0x06054b50], [2, 0], [2, 0], [2, files.length], [2, files.length],
    [4, central.length], [4, centralOffset], [2, 0 /* comment */],
  );
  return concatBytes(out.chunks);
}
