/**
 * Test support: every guide page read from content/guide and rendered as the site renders it, with
 * its visible text and code blocks. Node-only (reads files), so it is imported by tests alone.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expandDirectives, readFrontMatter, renderGuidePage, type GuidePage } from "./markdown";

export interface RenderedPage {
  readonly slug: string;
  readonly source: string;
  readonly page: GuidePage;
  /** The summary and the body with directives expanded: the Markdown a reader sees. */
  readonly markdown: string;
  /** Visible text of the rendered HTML, whitespace collapsed. */
  readonly text: string;
  /** Each code block's text, as rendered. */
  readonly code: readonly string[];
}

export const GUIDE_DIR = path.join(import.meta.dirname, "..", "..", "content", "guide");

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
};

/** The text a reader sees in our own rendered HTML (copy buttons left out). */
export function visibleText(html: string): string {
  return html
    .replace(/<button[^>]*>[^<]*<\/button>/g, " ")
    .replace(/<(?:br|\/p|\/li|\/td|\/th|\/tr|\/pre|\/h\d)[^>]*>/g, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#?[a-z0-9]+);/gi, (entity, name: string) => ENTITIES[name] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

function codeBlocks(html: string): string[] {
  return [...html.matchAll(/<pre[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]*>/g, "")
      .replace(/&(#?[a-z0-9]+);/gi, (entity, name: string) => ENTITIES[name] ?? entity),
  );
}

export function renderPage(slug: string, source: string): RenderedPage {
  const page = renderGuidePage(source);
  const { meta, body } = readFrontMatter(source);
  return {
    slug,
    source,
    page,
    markdown: `${meta.summary ?? ""}\n\n${expandDirectives(body)}`,
    text: visibleText(page.html),
    code: codeBlocks(page.html),
  };
}

export function guidePages(): RenderedPage[] {
  return readdirSync(GUIDE_DIR)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => renderPage(f.replace(/\.md$/, ""), readFileSync(path.join(GUIDE_DIR, f), "utf8")));
}
