import { searchEntries } from "@/lib/content/search";
import { guideSlugs, loadPage } from "../content-files";

// Built once at build time and served as a static file: search works offline after first load.
// One entry per section of every page, so a result opens the section that matches.
export const dynamic = "force-static";

export async function GET() {
  const slugs = await guideSlugs();
  const entries = await Promise.all(
    slugs.map(async (slug) => searchEntries(slug, await loadPage(`guide/${slug}.md`))),
  );
  return Response.json(entries.flat());
}
