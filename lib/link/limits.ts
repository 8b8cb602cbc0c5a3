/** The share link's format version and the bounds a link is read within. */

export const LINK_VERSION = 4;

/** Characters of the whole URL past which chat and review tools start cutting or refusing links. */
export const LINK_WARN_LENGTH = 2000;

/** Longer fragments are refused before any decoding work. */
export const MAX_FRAGMENT_LENGTH = 48 * 1024;

/**
 * The zip-bomb bound on a link's decompressed JSON. The largest design validate.ts accepts, with
 * every character written as a 6-byte JSON escape (\u0000): sql 20,000 chars → 120 KB; 40 request
 * and 40 response fields of name 64 + type 64 + comment 500 chars (≈ 3.8 KB each with keys) →
 * 307 KB; rpcName, tables, leaderSafety and the enums → under 4 KB. About 430 KB in all (the
 * size test builds it), so 512 KiB leaves room and still refuses a bomb quickly.
 */
export const MAX_DECOMPRESSED_BYTES = 512 * 1024;
