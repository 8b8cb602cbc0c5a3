/**
 * Test support: every guide page read from content/guide and rendered as the site renders it, with
 * its visible text and code blocks. Node-only (reads files), so it is imported by tests alone.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expandDirectives, readFrontMatter, renderGuidePage, type GuidePage } from "./markdown";
import { decodeEntities, htmlText } from "./sections";

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

function codeBlocks(html: string): string[] {
  return [...html.matchAll(/<pre[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) =>
    decodeEntities((m[1] ?? "").replace(/<[^>]*>/g, "")),
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
    text: htmlText(page.html),
    code: codeBlocks(page.html),
  };
}

export function guidePages(): RenderedPage[] {
  return readdirSync(GUIDE_DIR)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => renderPage(f.replace(/\.md$/, ""), readFileSync(path.join(GUIDE_DIR, f), "utf8")));
}
