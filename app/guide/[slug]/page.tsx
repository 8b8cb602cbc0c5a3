import type { Metadata } from "next";
import { guideSlugs, loadPage } from "../../content-files";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await guideSlugs()).map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage(`guide/${(await params).slug}.md`);
  return { title: `${page.title} · personhog RPC workbench` };
}

export default async function GuidePage({ params }: Props) {
  const page = await loadPage(`guide/${(await params).slug}.md`);
  return (
    <article className="prose-guide max-w-3xl">
      <h1>{page.title}</h1>
      <div dangerouslySetInnerHTML={{ __html: page.html }} />
    </article>
  );
}
