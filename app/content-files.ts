import "server-only";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { renderGuidePage, type GuidePage } from "@/lib/content/markdown";
import type { Design } from "@/lib/design/model";
import { validateDesign } from "@/lib/design/validate";

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

export interface ShippedExample {
  /** The file's name without `.json`, as the CLI's users see it. */
  readonly name: string;
  readonly design: Design;
}

/** The shipped examples (content/examples/*.json), for the wizard's menu; a test holds them valid. */
export async function shippedExamples(): Promise<ShippedExample[]> {
  const dir = path.join(CONTENT_DIR, "examples");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (f) => ({
      name: f.replace(/\.json$/, ""),
      design: validateDesign(JSON.parse(await readFile(path.join(dir, f), "utf8"))).design,
    })),
  );
}
