import type { Heading } from "@/lib/content/markdown";

/** On this page: the page's own headings, each a deep link. */
export function PageToc({ headings }: { readonly headings: readonly Heading[] }) {
  const shown = headings.filter((h) => h.depth === 2 || h.depth === 3);
  if (shown.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold">On this page</p>
      <ol className="space-y-1">
        {shown.map((h) => (
          <li key={h.id} className={h.depth === 3 ? "pl-3" : undefined}>
            <a href={`#${h.id}`} className="hover:underline">
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
