/** Every format version a link may declare, and the chain that brings a payload to the current one. */
import { LINK_VERSION } from "../limits";
import type { Payload } from "../payload";
import type { LinkVersion } from "./link-version";
import { V1 } from "./v1";
import { V2 } from "./v2";
import { V3 } from "./v3";
import { V4 } from "./v4";

export const VERSIONS: Readonly<Record<number, LinkVersion>> = { 1: V1, 2: V2, 3: V3, 4: V4 };

/** Applies each version's step in order, so a v1 payload passes through every one. */
export function migrate(payload: Payload, from: number): Payload {
  let out = payload;
  for (let version = from; version < LINK_VERSION; version++) {
    const step = VERSIONS[version]?.toNext;
    if (!step) throw new Error(`No migration from link version ${version}.`);
    out = step(out);
  }
  return out;
}
