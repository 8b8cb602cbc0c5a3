/**
 * The `z` parameter of versions 3 and 4: the whole design as JSON, zlib-deflated, then base64url.
 * Both versions read it alike (v4 only changed what a missing member means), so this reader is
 * frozen with v3: a version that changes how `z` is read gets its own.
 */
import { badCharDamage, base64UrlToBytes } from "../base64url";
import { inflateBounded } from "../deflate";
import { MAX_DECOMPRESSED_BYTES } from "../limits";
import { readPayload, type Payload } from "../payload";

export async function readZ(params: URLSearchParams, warnings: string[]): Promise<Payload | null> {
  const data = params.get("z");
  if (!data) {
    warnings.push("The link has no design data (z); nothing was loaded.");
    return null;
  }
  const { bytes, bad } = base64UrlToBytes(data);
  const inflated = await inflateBounded(bytes, MAX_DECOMPRESSED_BYTES);
  if (inflated.kind === "too-large") {
    warnings.push(
      `The link expands past ${MAX_DECOMPRESSED_BYTES / 1024} KB, more than any design needs; it was refused and nothing was loaded.`,
    );
    return null;
  }
  const damage = bad ? badCharDamage(bad) : inflated.kind === "failed" ? inflated.damage : null;
  return readPayload(inflated.bytes, damage, warnings);
}
