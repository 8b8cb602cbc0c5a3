/** Version 3: `z` holds the whole design as JSON, zlib-deflated, then base64url. */
import { badCharDamage, base64UrlToBytes } from "../base64url";
import { inflateBounded } from "../deflate";
import { MAX_DECOMPRESSED_BYTES } from "../limits";
import { readPayload } from "../payload";
import type { LinkVersion } from "./link-version";

/** Shaped like v2's reader on purpose: each version keeps its own, frozen once it is old. */
export const V3: LinkVersion = {
  params: ["z"],
  async read(params, warnings) {
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
  },
};
