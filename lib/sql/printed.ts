/**
 * Scanning helpers for the expressions PostgreSQL prints in EXPLAIN: they quote strings with '
 * (doubling it inside) and parenthesise sub-expressions, so depth and quotes are all a scan needs.
 */

/**
 * The offsets of `s` that stand at top level: outside quotes and parentheses. `visit` sees each
 * with the depth after that character; returning true stops the scan.
 */
export function scanTopLevel(s: string, visit: (i: number, depth: number) => boolean | void): void {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    if (!quoted && visit(i, depth)) return;
  }
}

export function splitTopLevel(s: string, separator: string): string[] {
  const cuts: number[] = [];
  scanTopLevel(s, (i, depth) => {
    const last = cuts[cuts.length - 1] ?? -separator.length;
    if (depth === 0 && i >= last + separator.length && s.startsWith(separator, i)) cuts.push(i);
  });
  const parts: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(s.slice(start, cut));
    start = cut + separator.length;
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** For each "(" outside quotes, the offset of its ")"; one pass. */
export function matchingParens(s: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") open.push(i);
    else if (!quoted && ch === ")") {
      const at = open.pop();
      if (at !== undefined) pairs.set(at, i);
    }
  }
  return pairs;
}

/** Removes parentheses that wrap the whole expression, however many (in linear time). */
export function stripOuterParens(s: string): string {
  const text = s.trim();
  const pairs = matchingParens(text);
  let start = 0;
  let end = text.length - 1;
  while (text[start] === "(" && pairs.get(start) === end) {
    start++;
    end--;
    while (start <= end && /\s/.test(text[start] ?? "")) start++;
    while (end >= start && /\s/.test(text[end] ?? "")) end--;
  }
  return text.slice(start, end + 1);
}
