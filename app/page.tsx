import { loadPage } from "./content-files";

export default async function OverviewPage() {
  const page = await loadPage("overview.md");
  return (
    <article className="prose-guide max-w-3xl">
      <h1>{page.title}</h1>
      <p className="text-lg text-slate-600 dark:text-slate-400">{page.summary}</p>
      <div dangerouslySetInnerHTML={{ __html: page.html }} />
    </article>
  );
}
