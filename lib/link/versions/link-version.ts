/** One format version: how its links carry data, and how its payload becomes the next version's. */
import type { Payload } from "../payload";

export interface LinkVersion {
  /** The fragment parameters its links carry besides `v`. */
  readonly params: readonly string[];
  /** The payload a link holds, or null when nothing usable is left (a warning says why). */
  read(params: URLSearchParams, warnings: string[]): Promise<Payload | null>;
  /** The payload as the next version writes it; the current version has none. */
  readonly toNext?: (payload: Payload) => Payload;
}
