"use client";
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { matchRanges, searchTerms } from "@/lib/content/search";

/** Enough to show every match of a guide page; a query matching everywhere stops here. */
const MAX_MARKS = 300;
const MARK = "data-search-hit";

function unmark(root: HTMLElement): void {
  for (const mark of root.querySelectorAll(`mark[${MARK}]`))
    mark.replaceWith(document.createTextNode(mark.textContent ?? ""));
  root.normalize();
}

/** Wraps each match of the terms in the text under `root` (never in a button) in a mark. */
function mark(root: HTMLElement, terms: readonly string[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest("button")) nodes.push(node as Text);
  let marks = 0;
  for (const node of nodes) {
    const ranges = matchRanges(node.data, terms);
    if (ranges.length === 0) continue;
    const parts = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (marks++ >= MAX_MARKS) break;
      parts.append(node.data.slice(at, start));
      const hit = document.createElement("mark");
      hit.setAttribute(MARK, "");
      hit.textContent = node.data.slice(start, end);
      parts.append(hit);
      at = end;
    }
    parts.append(node.data.slice(at));
    node.replaceWith(parts);
  }
}

/**
 * Marks the search terms (`?q=` from a search result) in the page's text on arrival, so the
 * reader sees why the section matched. A script, not a text fragment (`#:~:text=`): a fragment
 * needs whole-word matches, and Chromium applies it only on full navigations, while results open
 * by client-side navigation and must keep the section's `#anchor` in the address.
 */
export function SearchHighlight({ targetId }: { readonly targetId: string }) {
  const query = useSearchParams().get("q") ?? "";
  useEffect(() => {
    const root = document.getElementById(targetId);
    if (!root) return;
    unmark(root);
    const terms = searchTerms(query);
    if (terms.length > 0) mark(root, terms);
  }, [query, targetId]);
  return null;
}
