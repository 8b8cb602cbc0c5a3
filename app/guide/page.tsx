import type { Metadata } from "next";
import Link from "next/link";
import { guideNav } from "../content-files";

export const metadata: Metadata = {
  title: "Guide · personhog RPC workbench",
  description: "Every page of the guide to adding a personhog RPC, in reading order.",
};

/** The guide's contents: every page in reading order, each with its summary. */
export default async function GuideIndexPage() {
  const nav = await guideNav();
  return (
    <article className="prose-guide min-w-0 max-w-3xl">
      <h1>The guide</h1>
      <p className="text-lg text-slate-600 dark:text-slate-400">
        Adding a personhog RPC, step by step: read it in order the first time, then come back to the
        page you need.
      </p>
      <ol data-testid="guide-contents">
        {nav.map((entry) => (
          <li key={entry.slug} className="my-3">
            <Link href={`/guide/${entry.slug}`} className="font-medium">
              {entry.title}
            </Link>
            {entry.summary && (
              <p className="my-1 text-slate-600 dark:text-slate-400">{entry.summary}</p>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
