/**
 * zlib-format deflate through the platform's CompressionStream. zlib rather than deflate-raw: its
 * Adler-32 trailer makes a flipped bit a detected error instead of a silently different design,
 * worth its 6 bytes.
 */
import { concatBytes } from "../bytes";

async function readAll(readable: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = readable.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return concatBytes(chunks);
}

export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new CompressionStream("deflate");
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const [out] = await Promise.all([readAll(stream.readable), written]);
  return out;
}

/**
 * Input goes in in small pieces, so no single write expands to megabytes before the size bound is
 * checked, and a data error loses only the output of the piece that failed.
 */
const PIECE_BYTES = 64;

export type Inflated =
  | { readonly kind: "complete"; readonly bytes: Uint8Array }
  | { readonly kind: "too-large" }
  /** damage reads after "The link " in a message. */
  | { readonly kind: "failed"; readonly bytes: Uint8Array; readonly damage: string };

function damageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  // Node (zlib) says "unexpected end of file" / "incorrect data check"; Chrome "was truncated".
  if (/unexpected end|truncat/i.test(message))
    return "was cut off (its compressed data ends early)";
  if (/data check|checksum/i.test(message)) return "is damaged (checksum mismatch)";
  return "is damaged (its compressed data is not valid)";
}

const IDLE = Symbol("idle");

/** Decompresses, stopping as soon as the output passes maxBytes. Never throws. */
export async function inflateBounded(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<Inflated> {
  const stream = new DecompressionStream("deflate");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let next = reader.read();
  const reading = (async () => {
    for (let r = await next; !r.done; r = await next) {
      total += r.value.byteLength;
      if (total > maxBytes) return reader.cancel();
      chunks.push(r.value);
      next = reader.read();
    }
  })();
  /**
   * Resolves once the reader has taken every chunk produced so far. A cut-off stream fails only
   * at close, and a failing stream drops output not yet read: closing before this would lose the
   * tail of a cut link, the very part worth keeping.
   */
  const caughtUp = async () => {
    while (total <= maxBytes && (await Promise.race([next, IDLE])) !== IDLE);
  };
  try {
    for (let at = 0; at < bytes.length && total <= maxBytes;) {
      // The last byte goes alone: Node ends the stream with the last write it holds, and when a
      // cut stream fails there, that write's output is dropped.
      const end = Math.min(at + PIECE_BYTES, Math.max(bytes.length - 1, at + 1));
      await writer.write(bytes.subarray(at, end));
      at = end;
    }
    await caughtUp();
    if (total <= maxBytes) await writer.close();
    await reading;
  } catch (error) {
    reading.catch(() => undefined); // fails with the same error
    if (total <= maxBytes)
      return { kind: "failed", bytes: concatBytes(chunks), damage: damageOf(error) };
  }
  return total > maxBytes
    ? { kind: "too-large" }
    : { kind: "complete", bytes: concatBytes(chunks) };
}
