/**
 * Keys of an input object that the design does not have: each is named in a warning (it was
 * ignored), with the key it most likely meant when one is close, so `rpcname` or `requests` is
 * not dropped without a word.
 */
import type { Problem } from "./problem";

/** An object with thousands of unknown keys gets this many warnings and one count of the rest. */
const MAX_NAMED = 10;
const MAX_SHOWN_LENGTH = 40;

/** Case, `_`, `-` and spaces do not make a different key. */
const normal = (key: string) => key.toLowerCase().replace(/[\s_-]/g, "");

/** Edits (insert, delete, replace, swap two neighbours) from a to b; both are short. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + same);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The known key `key` most likely meant, if one is within two edits and under half its length. */
export function closestKey(key: string, known: readonly string[]): string | null {
  const typed = normal(key.slice(0, MAX_SHOWN_LENGTH));
  let best: { key: string; cost: number } | null = null;
  for (const candidate of known) {
    const cost = distance(typed, normal(candidate));
    if (cost <= 2 && cost < candidate.length / 2 && (!best || cost < best.cost))
      best = { key: candidate, cost };
  }
  return best?.key ?? null;
}

export function unknownKeyProblems(
  input: Readonly<Record<string, unknown>>,
  known: readonly string[],
  path: string,
): Problem[] {
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  const problems: Problem[] = unknown.slice(0, MAX_NAMED).map((key) => {
    const meant = closestKey(key, known);
    // The path is shown too (the CLI prints it before the message): a key may be a megabyte long.
    const shown = key.slice(0, MAX_SHOWN_LENGTH);
    return {
      path: path ? `${path}.${shown}` : shown,
      severity: "warning",
      message: `Unknown field ${JSON.stringify(shown)} was ignored${meant ? `; did you mean "${meant}"?` : "."}`,
    };
  });
  if (unknown.length > MAX_NAMED)
    problems.push({
      path,
      severity: "warning",
      message: `…and ${unknown.length - MAX_NAMED} more unknown fields${path ? ` in ${path}` : ""} were ignored.`,
    });
  return problems;
}
