"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { search, type SearchEntry, type SearchResult } from "@/lib/content/search";

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

const LIST_ID = "guide-search-results";
const optionId = (i: number) => `guide-search-option-${i}`;

/** Typing in a field keeps its "/"; anywhere else on the page "/" jumps to the search. */
function typingSomewhere(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * Guide search as a combobox (WAI-ARIA 1.2 pattern): ↑ ↓ choose a result, Enter opens it, Esc
 * closes the list (then clears the query), "/" focuses the box. A result opens its section, with
 * the query in `?q=` so the page marks the term (search-highlight.tsx).
 */
export function SearchBox() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState<SearchEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const results = useMemo(() => (index ? search(index, query) : []), [index, query]);
  const showing = open && query.trim() !== "" && index !== null;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingSomewhere(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const prepare = () => {
    setOpen(true);
    loadIndex().then(setIndex, (err: unknown) => setError(`Search is unavailable: ${String(err)}`));
  };
  const hrefOf = (r: SearchResult) =>
    `/guide/${r.slug}?q=${encodeURIComponent(query.trim())}${r.anchor ? `#${r.anchor}` : ""}`;
  const openResult = (r: SearchResult) => {
    setOpen(false);
    setActive(-1);
    router.push(hrefOf(r));
  };
  /** Down from the box goes to the first result, up to the last; both wrap around. */
  const move = (step: 1 | -1) => {
    setOpen(true);
    const n = results.length;
    if (n > 0) setActive((a) => (a < 0 ? (step === 1 ? 0 : n - 1) : (a + step + n) % n));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      const chosen = showing ? (results[active] ?? results[0]) : undefined;
      if (chosen) {
        event.preventDefault();
        openResult(chosen);
      }
    } else if (event.key === "Escape") {
      if (showing) setOpen(false);
      else setQuery("");
      setActive(-1);
    }
  };

  return (
    <div className="space-y-2" role="search">
      <label className="block text-sm" htmlFor="guide-search">
        Search the guide
      </label>
      <input
        id="guide-search"
        ref={input}
        type="text"
        role="combobox"
        aria-expanded={showing && results.length > 0}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
        aria-describedby="guide-search-hint"
        autoComplete="off"
        spellCheck={false}
        data-testid="guide-search"
        value={query}
        onFocus={prepare}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        className="block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      />
      <p id="guide-search-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Press / to search; ↑ ↓ to choose, Enter to open, Esc to close.
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <p role="status" className="sr-only">
        {showing ? `${results.length} ${results.length === 1 ? "result" : "results"}` : ""}
      </p>
      {showing && results.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No page mentions that.</p>
      )}
      <ul
        id={LIST_ID}
        role="listbox"
        aria-label="Search results"
        data-testid="search-results"
        hidden={!showing || results.length === 0}
        className="space-y-1 text-sm"
      >
        {results.map((r, i) => (
          <li
            key={`${r.slug}#${r.anchor ?? ""}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-href={hrefOf(r)}
            // Keeps focus in the box, so the click lands before the list closes on blur.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => openResult(r)}
            onMouseMove={() => setActive(i)}
            className={`cursor-pointer rounded px-1 py-1 ${i === active ? "bg-blue-100 dark:bg-blue-900" : ""}`}
          >
            <span className="font-medium text-blue-800 underline dark:text-blue-300">
              {r.title}
              {r.heading && ` › ${r.heading}`}
            </span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">{r.excerpt}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
