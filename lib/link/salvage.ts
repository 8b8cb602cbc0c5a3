/**
 * A tolerant reader for a JSON object that JSON.parse refused (cut off or damaged): it reads the
 * top-level members in order, each complete value through JSON.parse, and stops at the first
 * member that is incomplete or malformed. Everything before that point is kept.
 */

export interface Salvaged {
  /** The members read, on an object without a prototype. */
  readonly members: Record<string, unknown>;
  readonly kept: string[];
  /**
   * Why reading stopped: the text ran out mid-member ("end"), a member is not JSON ("malformed"),
   * the object closed and other text follows ("trailing") or nothing does ("complete"), or the
   * text is no object ("not-object").
   */
  readonly stop: "end" | "malformed" | "trailing" | "complete" | "not-object";
  /** The key of the first member lost, when it could be read. */
  readonly lostFrom: string | null;
}

const WHITESPACE = /[ \t\n\r]/;

/** Index just past a JSON string starting at `at` (a quote), or -1 if the text ends first. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

/** Index just past the value starting at `at`: where a top-level `,` or `}` follows, or -1. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === "{" || ch === "[") depth++;
    else if (depth > 0 && (ch === "}" || ch === "]")) depth--;
    else if (depth === 0 && (ch === "," || ch === "}")) return i;
  }
  return -1;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function salvageObject(text: string): Salvaged {
  const members: Record<string, unknown> = Object.create(null);
  const kept: string[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.test(text.charAt(i))) i++;
  };
  const stop = (why: Salvaged["stop"], lostFrom: string | null = null): Salvaged => ({
    members,
    kept,
    stop: why,
    lostFrom,
  });
  skip();
  if (text[i] !== "{") return stop(i >= text.length ? "end" : "not-object");
  i++;
  for (;;) {
    skip();
    if (i >= text.length) return stop("end");
    if (text[i] === "}" && kept.length === 0) {
      i++;
      break;
    }
    if (text[i] !== '"') return stop("malformed");
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return stop("end");
    const key = parse(text.slice(i, keyEnd));
    if (!key.ok || typeof key.value !== "string") return stop("malformed");
    i = keyEnd;
    skip();
    if (i >= text.length) return stop("end", key.value);
    if (text[i] !== ":") return stop("malformed", key.value);
    i++;
    const end = valueEnd(text, i);
    if (end < 0) return stop("end", key.value);
    const value = parse(text.slice(i, end));
    if (!value.ok) return stop("malformed", key.value);
    members[key.value] = value.value;
    if (!kept.includes(key.value)) kept.push(key.value);
    i = end + 1;
    if (text[end] === "}") break;
  }
  skip();
  return stop(i < text.length ? "trailing" : "complete");
}
