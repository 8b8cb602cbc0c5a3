import Link from "next/link";
import { CodeCopy } from "@/components/guide/code-copy";
import { SearchBox } from "@/components/guide/search-box";
import { guideNav } from "../content-files";

export default async function GuideLayout({ children }: { children: React.ReactNode }) {
  const nav = await guideNav();
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <div className="space-y-6">
        <SearchBox />
        <nav aria-label="Guide" className="text-sm">
          <ol className="space-y-2">
            {nav.map((entry) => (
              <li key={entry.slug}>
                <Link href={`/guide/${entry.slug}`} className="hover:underline">
                  {entry.title}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <div className="min-w-0">{children}</div>
      <CodeCopy />
    </div>
  );
}
