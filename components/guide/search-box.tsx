"use client";
import Link from "next/link";
import { useState } from "react";
import { search, type SearchEntry } from "@/lib/content/search";

let indexPromise: Promise<SearchEntry[]> | null = null;

/** The index is fetched on first focus, once; after that search runs offline, in the page. */
function loadIndex(): Promise<SearchEntry[]> {
  indexPromise ??= fetch("/search-index.json").then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json() as Promise<SearchEntry[]>;
  });
  indexPromise.catch(() => (indexPromise = null));
  return indexPromise;
}

export function SearchBox() {
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState<SearchEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const prepare = () =>
    loadIndex().then(setIndex, (err: unknown) => setError(`Search is unavailable: ${String(err)}`));
  const results = index ? search(index, query) : [];
  return (
    <div className="space-y-2" role="search">
      <label className="block text-sm">
        Search the guide
        <input
          type="search"
          data-testid="guide-search"
          value={query}
          onFocus={prepare}
          onChange={(e) => setQuery(e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      {query.trim() && index && (
        <ul data-testid="search-results" className="space-y-2 text-sm">
          {results.length === 0 && (
            <li className="text-slate-600 dark:text-slate-400">No page mentions that.</li>
          )}
          {results.map((r) => (
            <li key={r.slug}>
              <Link
                href={`/guide/${r.slug}${r.anchor ? `#${r.anchor}` : ""}`}
                className="font-medium underline"
              >
                {r.title}
              </Link>
              <p className="text-xs text-slate-600 dark:text-slate-400">{r.excerpt}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
