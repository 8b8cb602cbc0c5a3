/**
 * Full-text search over the guide: an index of every section of every page, built at build time
 * (served as a static JSON file), and a scorer that runs in the browser, so search works offline
 * once the index has loaded. A result opens its section; its excerpt is cut at word boundaries.
 */
import type { GuidePage } from "./markdown";

export interface SearchEntry {
  readonly slug: string;
  /** The page's title. */
  readonly title: string;
  /** The section's heading id; null for the page's text before its first heading. */
  readonly anchor: string | null;
  readonly heading: string;
  readonly text: string;
}

export interface SearchResult {
  readonly slug: string;
  readonly title: string;
  readonly anchor: string | null;
  /** The section's heading, null when the result is the page's opening text. */
  readonly heading: string | null;
  readonly excerpt: string;
  readonly score: number;
}

/** One entry per section of the page (its opening text included, under the page's title). */
export function searchEntries(slug: string, page: GuidePage): SearchEntry[] {
  return page.sections.map((s) => ({
    slug,
    title: page.title,
    anchor: s.id,
    heading: s.heading,
    text: s.text,
  }));
}

/** The words of a query, lowercased: letters, digits and `_` (names like KNOWN_METHODS). */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((w) => w.length > 1);
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    n++;
  return n;
}

const EXCERPT_BEFORE = 60;
const EXCERPT_AFTER = 110;

/** Around the first match, widened to whole words: never "…thog_person", never a cut `COUNT(*)`. */
export function excerptAround(text: string, needle: string): string {
  const found = needle ? text.toLowerCase().indexOf(needle) : -1;
  const at = Math.max(0, found);
  let start = Math.max(0, at - EXCERPT_BEFORE);
  let end = Math.min(text.length, at + needle.length + EXCERPT_AFTER);
  // Back to the start of the word the cut falls in, and on to the end of the last one.
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  const body = text.slice(start, end).trim();
  return `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
}

/**
 * Sections where every term appears (in the text, the heading or the page title), best first.
 * A heading that matches counts most: it is what the section is about.
 */
export function search(index: readonly SearchEntry[], query: string, limit = 8): SearchResult[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const phrase = query.toLowerCase().trim();
  const results: SearchResult[] = [];
  for (const entry of index) {
    const title = entry.title.toLowerCase();
    const heading = entry.heading.toLowerCase();
    const text = entry.text.toLowerCase();
    const anywhere = (t: string) => text.includes(t) || heading.includes(t) || title.includes(t);
    if (!terms.every(anywhere)) continue;
    let score = count(text, phrase) * 4 + (heading.includes(phrase) ? 12 : 0);
    for (const t of terms)
      score +=
        (heading.includes(t) ? 6 : 0) + (title.includes(t) ? 2 : 0) + Math.min(count(text, t), 10);
    const needle = text.includes(phrase) ? phrase : (terms.find((t) => text.includes(t)) ?? "");
    results.push({
      slug: entry.slug,
      title: entry.title,
      anchor: entry.anchor,
      heading: entry.anchor === null ? null : entry.heading,
      excerpt: excerptAround(entry.text, needle),
      score,
    });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Where the terms occur in a text, as [start, end) ranges, sorted and not overlapping. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms)
    for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + term.length))
      ranges.push([i, i + term.length]);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
