/** UTF-8 bytes to text, keeping the valid prefix when the bytes are damaged. */

const decodes = (bytes: Uint8Array): boolean => {
  try {
    // stream: a character cut at the end is not an error, so validity is monotonic in length.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

export interface Utf8Read {
  readonly text: string;
  /** The byte where valid text ends, when the bytes are not all valid UTF-8. */
  readonly invalidAt: number | null;
}

export function decodeUtf8(bytes: Uint8Array): Utf8Read {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), invalidAt: null };
  } catch {
    // Binary search for the longest prefix that decodes; bad starts past the end as a sentinel.
    let good = 0;
    let bad = bytes.length + 1;
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      if (decodes(bytes.subarray(0, mid))) good = mid;
      else bad = mid;
    }
    const text = new TextDecoder("utf-8").decode(bytes.subarray(0, good), { stream: true });
    return { text, invalidAt: good };
  }
}
