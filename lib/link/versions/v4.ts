/**
 * Version 4: `z` as in v3; the design carries `personWriteBackend` (a person write on the current
 * target served by the replica's primary pool or by the leader).
 */
import type { LinkVersion } from "./link-version";
import { readZ } from "./z-param";

export const V4: LinkVersion = { params: ["z"], read: readZ };
