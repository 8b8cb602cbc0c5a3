import Link from "next/link";
import { guideNav } from "../content-files";

export default async function GuideLayout({ children }: { children: React.ReactNode }) {
  const nav = await guideNav();
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
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
      <div>{children}</div>
    </div>
  );
}
