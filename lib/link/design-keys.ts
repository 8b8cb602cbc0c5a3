/** The design's top-level keys, in the order a link writes them. */
import { EMPTY_DESIGN } from "../design/defaults";
import type { Design } from "../design/model";

export const DESIGN_KEYS = Object.keys(EMPTY_DESIGN) as readonly (keyof Design)[];

/** The bulky parts go last: a link cut off by a chat tool then loses the least. */
const LAST: readonly (keyof Design)[] = ["request", "response", "sql"];
export const PAYLOAD_ORDER: readonly (keyof Design)[] = [
  ...DESIGN_KEYS.filter((key) => !LAST.includes(key)),
  ...LAST,
];
