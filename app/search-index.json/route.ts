import { searchEntry } from "@/lib/content/search";
import { guideSlugs, loadPage } from "../content-files";

// Built once at build time and served as a static file: search works offline after first load.
export const dynamic = "force-static";

export async function GET() {
  const slugs = await guideSlugs();
  const entries = await Promise.all(
    slugs.map(async (slug) => searchEntry(slug, await loadPage(`guide/${slug}.md`))),
  );
  return Response.json(entries);
}
