/**
 * Version 3: `z` holds the whole design. Its person writes on the current target all went to the
 * leader (the only routing the generators knew then), so a v3 design without `personWriteBackend`
 * keeps the leader.
 */
import type { Payload } from "../payload";
import type { LinkVersion } from "./link-version";
import { readZ } from "./z-param";

export function v3ToV4(design: Payload): Payload {
  if (Object.hasOwn(design, "personWriteBackend")) return design;
  return Object.assign(Object.create(null) as Payload, design, { personWriteBackend: "leader" });
}

export const V3: LinkVersion = { params: ["z"], read: readZ, toNext: v3ToV4 };
