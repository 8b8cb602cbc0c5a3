/**
 * Full-text search over the guide: an index built at build time (served as a static JSON file)
 * and a scorer that runs in the browser, so search works offline once the index has loaded.
 */
import type { GuidePage, Heading } from "./markdown";

export interface SearchEntry {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly headings: readonly Heading[];
  readonly text: string;
}

export interface SearchResult {
  readonly slug: string;
  readonly title: string;
  /** Deep link into the page: the first heading that matches, if any. */
  readonly anchor: string | null;
  readonly excerpt: string;
  readonly score: number;
}

export function searchEntry(slug: string, page: GuidePage): SearchEntry {
  return {
    slug,
    title: page.title,
    summary: page.summary,
    headings: page.headings,
    text: page.text,
  };
}

const words = (q: string) =>
  q
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((w) => w.length > 1);

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    n++;
  return n;
}

function excerptAround(text: string, needle: string): string {
  const at = text.toLowerCase().indexOf(needle);
  if (at === -1) return text.slice(0, 160);
  const start = Math.max(0, at - 60);
  return `${start > 0 ? "…" : ""}${text.slice(start, at + 100)}…`;
}

export function search(index: readonly SearchEntry[], query: string, limit = 8): SearchResult[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const phrase = query.toLowerCase().trim();
  const results: SearchResult[] = [];
  for (const entry of index) {
    const title = entry.title.toLowerCase();
    const text = entry.text.toLowerCase();
    const headings = entry.headings.map((h) => h.text.toLowerCase());
    // Every term must appear somewhere: a search narrows, it does not widen.
    if (!terms.every((t) => title.includes(t) || text.includes(t))) continue;
    let score = count(text, phrase) * 4;
    for (const t of terms)
      score +=
        (title.includes(t) ? 10 : 0) +
        (headings.some((h) => h.includes(t)) ? 3 : 0) +
        Math.min(count(text, t), 10);
    const hit =
      entry.headings.find((h) => h.text.toLowerCase().includes(phrase)) ??
      entry.headings.find((h) => terms.some((t) => h.text.toLowerCase().includes(t)));
    results.push({
      slug: entry.slug,
      title: entry.title,
      anchor: hit?.id ?? null,
      excerpt: excerptAround(entry.text, text.includes(phrase) ? phrase : (terms[0] ?? "")),
      score,
    });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
