import "server-only";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { renderGuidePage, type GuidePage } from "@/lib/content/markdown";

const CONTENT_DIR = path.join(process.cwd(), "content");

/** Build-time read of a content file; pages are prerendered, so this never runs per request. */
export async function loadPage(relative: string): Promise<GuidePage> {
  return renderGuidePage(await readFile(path.join(CONTENT_DIR, relative), "utf8"));
}

export async function guideSlugs(): Promise<string[]> {
  const files = await readdir(path.join(CONTENT_DIR, "guide"));
  return files.filter((f) => f.endsWith(".md")).map((f) => f.replace(/\.md$/, ""));
}

export interface NavEntry {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
}

/** The guide's pages in reading order, for the sidebar and the guide's contents page. */
export async function guideNav(): Promise<NavEntry[]> {
  const pages = await Promise.all(
    (await guideSlugs()).map(async (slug) => ({ slug, page: await loadPage(`guide/${slug}.md`) })),
  );
  return pages
    .sort((a, b) => a.page.order - b.page.order || a.slug.localeCompare(b.slug))
    .map(({ slug, page }) => ({ slug, title: page.title, summary: page.summary }));
}
