/**
 * Design → `#v=3&z=…`. The link carries the whole design, not a delta against the worked example:
 * a delta silently changes what every old link means whenever the worked example changes (v2 links
 * were deltas, which is why versions/v2.ts keeps a frozen copy of that example).
 */
import type { Design } from "../design/model";
import { bytesToBase64Url } from "./base64url";
import { deflate } from "./deflate";
import { PAYLOAD_ORDER } from "./design-keys";
import { LINK_VERSION } from "./limits";
import { BULKY_PARTS, withoutParts, type BulkyPart } from "./omit";

export interface EncodeOptions {
  readonly omit?: readonly BulkyPart[];
}

/** The JSON a link carries; `omitted` first, so even a cut link says what was left out. */
export function linkPayload(design: Design, omit: readonly BulkyPart[] = []): string {
  const parts = withoutParts(design, omit);
  const payload: Record<string, unknown> = {};
  const omitted = BULKY_PARTS.filter((part) => omit.includes(part));
  if (omitted.length > 0) payload.omitted = omitted;
  for (const key of PAYLOAD_ORDER) if (parts[key] !== undefined) payload[key] = parts[key];
  return JSON.stringify(payload);
}

export async function encodeDesignLink(
  design: Design,
  options: EncodeOptions = {},
): Promise<string> {
  const json = linkPayload(design, options.omit);
  const data = await deflate(new TextEncoder().encode(json));
  return `#v=${LINK_VERSION}&z=${bytesToBase64Url(data)}`;
}
