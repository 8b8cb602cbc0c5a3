/**
 * base64url without padding, by hand: decoding reads up to the first character outside the
 * alphabet and says where it was, so a damaged link still yields the bytes before the damage.
 */

export const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(acc >> bits) & 63];
    }
    acc &= (1 << bits) - 1;
  }
  return bits > 0 ? out + ALPHABET[(acc << (6 - bits)) & 63] : out;
}

export interface Base64Read {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The first character outside the alphabet and its index; decoding stopped there. */
  readonly bad: { readonly char: string; readonly at: number } | null;
}

export function base64UrlToBytes(text: string): Base64Read {
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let length = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ALPHABET.indexOf(text.charAt(i));
    if (value < 0) return { bytes: out.subarray(0, length), bad: { char: text.charAt(i), at: i } };
    acc = (acc << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (acc >> bits) & 255;
    }
    acc &= (1 << bits) - 1;
  }
  return { bytes: out.subarray(0, length), bad: null };
}

/** What a bad character means, worded to follow "The link ". */
export const badCharDamage = (bad: NonNullable<Base64Read["bad"]>): string =>
  `is damaged (character ${bad.at + 1} of its data, ${JSON.stringify(bad.char)}, is not base64url)`;
