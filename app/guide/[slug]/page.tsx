import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { WORKED_EXAMPLE } from "@/lib/design/defaults";
import { encodeDesignLink } from "@/lib/link";
import { PageToc } from "@/components/guide/page-toc";
import { PrevNext } from "@/components/guide/prev-next";
import { SearchHighlight } from "@/components/guide/search-highlight";
import { guideNav, guideSlugs, loadPage } from "../../content-files";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await guideSlugs()).map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage(`guide/${(await params).slug}.md`);
  return { title: `${page.title} · personhog RPC workbench`, description: page.summary };
}

export default async function GuidePage({ params }: Props) {
  const { slug } = await params;
  const page = await loadPage(`guide/${slug}.md`);
  const nav = await guideNav();
  const at = nav.findIndex((n) => n.slug === slug);
  const tryIt = page.step && `/wizard?step=${page.step}${await encodeDesignLink(WORKED_EXAMPLE)}`;
  return (
    <div className="grid gap-8 xl:grid-cols-[1fr_14rem]">
      <article className="prose-guide min-w-0 max-w-3xl">
        <h1>{page.title}</h1>
        {page.summary && (
          <p className="text-lg text-slate-600 dark:text-slate-400">{page.summary}</p>
        )}
        {tryIt && (
          <p>
            <Link
              data-testid="try-it"
              prefetch={false}
              href={tryIt}
              className="inline-block rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white no-underline"
            >
              Try it in the workbench
            </Link>
          </p>
        )}
        <div id="guide-body" dangerouslySetInnerHTML={{ __html: page.html }} />
        <Suspense fallback={null}>
          <SearchHighlight targetId="guide-body" />
        </Suspense>
        <PrevNext prev={nav[at - 1]} next={nav[at + 1]} />
      </article>
      <aside className="hidden xl:block">
        <div className="sticky top-4">
          <PageToc headings={page.headings} />
        </div>
      </aside>
    </div>
  );
}
