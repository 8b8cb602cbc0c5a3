/**
 * The cap a field's comment documents ("Max 1000 per request.", "Must be > 0 and <= 50000.", as
 * PostHog's protos write them), read only when it fits what the generated Rust does with it: a
 * batch cap compares with `Vec::len()` and the generated test builds a request one over it, so it
 * stays at or under MAX_BATCH_CAP; a singular integer is clamped to `1..=cap` (a write's
 * batch_size is refused outside it instead), so the cap fits the field's type.
 * Anything else is ignored with a note saying why, never printed as `1e+23`.
 */
import type { FieldDesign } from "./model";

/** A larger batch cap is no cap: the generated test would build a request of that size. */
export const MAX_BATCH_CAP = 100_000n;
const TYPE_MAX: Readonly<Record<string, bigint>> = {
  int32: 2n ** 31n - 1n,
  int64: 2n ** 63n - 1n,
};

export type DocumentedCap =
  | { readonly kind: "none" }
  | { readonly kind: "cap"; readonly value: bigint }
  | { readonly kind: "ignored"; readonly note: string };

const NONE: DocumentedCap = { kind: "none" };
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

/** Where a cap's number follows: "Max 1000 per request." and "Must be > 0 and <= 50000." */
const MARKERS = ["max", "<="] as const;

/** The first place a marker stands as a word ("max" or "maximum", not "climax"), and its end. */
function nextMarker(lower: string, from: number): { at: number; end: number } | null {
  let best: { at: number; end: number } | null = null;
  for (const marker of MARKERS) {
    let at = lower.indexOf(marker, from);
    while (at !== -1 && marker === "max" && at > 0 && isWordChar(lower[at - 1]))
      at = lower.indexOf(marker, at + 1);
    if (at === -1 || (best && best.at < at)) continue;
    const end = at + marker.length + (marker === "max" && lower.startsWith("imum", at + 3) ? 4 : 0);
    best = { at, end };
  }
  return best;
}

/**
 * Invisible format characters (zero-width space and joiner, word joiner, soft hyphen, bidi
 * controls): a reader sees "Max 1000" where "Max 1\u200b000" is written, so the cap is read
 * without them, as the number the reviewer sees, never the 1 before the hidden break. (One
 * character class: linear, like the scan below.)
 */
const INVISIBLE = /\p{Cf}/gu;

/**
 * The number after the first "max", "maximum" or "<=": digits, with `_` or `,` between digit
 * groups. Null when there is none; "not whole" when it runs into letters or a decimal part
 * (`10k`, `1e9`, `2.5`). A scan, not a regular expression: comments are untrusted text.
 */
function numberAfterMax(comment: string): string | "not whole" | null {
  const lower = comment.replace(INVISIBLE, "").toLowerCase();
  for (let m = nextMarker(lower, 0); m; m = nextMarker(lower, m.at + 1)) {
    let i = m.end;
    const space = i;
    while (i < lower.length && /\s/.test(lower[i]!)) i++;
    if ((i === space && lower[m.at] === "m") || !isDigit(lower[i])) continue;
    let digits = "";
    for (; i < lower.length; i++) {
      const ch = lower[i]!;
      if (isDigit(ch)) digits += ch;
      else if ((ch === "_" || ch === ",") && isDigit(lower[i + 1]) && isDigit(lower[i - 1]))
        continue;
      else break;
    }
    const next = lower[i];
    const decimal = next === "." && isDigit(lower[i + 1]);
    return decimal || isWordChar(next) ? "not whole" : digits;
  }
  return null;
}

/** A number as the note shows it: whole up to 30 digits, its length beyond. */
const shown = (digits: string) =>
  digits.length <= 30 ? digits : `a ${digits.length}-digit number`;

export function documentedCap(f: FieldDesign): DocumentedCap {
  const found = numberAfterMax(f.comment);
  if (found === null) return NONE;
  const limit = f.repeated ? MAX_BATCH_CAP : TYPE_MAX[f.type];
  // Only batches and singular integers have a cap the generated code can enforce.
  if (limit === undefined || (f.optional && !f.repeated)) return NONE;
  const what = f.repeated ? "batch size" : `${f.type} value`;
  if (found === "not whole")
    return {
      kind: "ignored",
      note: `The "Max" in ${f.name}'s comment is not a whole number: no ${what} check was generated.`,
    };
  const value = BigInt(found);
  if (value >= 1n && value <= limit) return { kind: "cap", value };
  const why =
    value < 1n
      ? "is below 1"
      : f.repeated
        ? `is above ${MAX_BATCH_CAP.toLocaleString("en-US")}, the largest batch cap the generator writes a test for`
        : `does not fit ${f.type}`;
  return {
    kind: "ignored",
    note: `Max ${shown(found)} in ${f.name}'s comment ${why}: no ${what} check was generated.`,
  };
}

/** The cap when there is one to enforce; null otherwise. */
export function capValue(f: FieldDesign): bigint | null {
  const cap = documentedCap(f);
  return cap.kind === "cap" ? cap.value : null;
}
