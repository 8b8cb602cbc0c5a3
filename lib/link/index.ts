/** The design in a share link's URL fragment: compressed, versioned, read defensively. */
export { decodeDesignLink, type DecodedLink } from "./decode";
export { encodeDesignLink, type EncodeOptions } from "./encode";
export {
  LINK_VERSION,
  LINK_WARN_LENGTH,
  MAX_DECOMPRESSED_BYTES,
  MAX_FRAGMENT_LENGTH,
} from "./limits";
export { BULKY_PARTS, omittedNotice, type BulkyPart } from "./omit";
