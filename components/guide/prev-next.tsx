import Link from "next/link";

export interface NavLink {
  readonly slug: string;
  readonly title: string;
}

export function PrevNext({ prev, next }: { readonly prev?: NavLink; readonly next?: NavLink }) {
  return (
    <nav
      aria-label="Previous and next page"
      className="mt-10 flex justify-between gap-4 border-t border-slate-200 pt-4 text-sm dark:border-slate-800"
    >
      {prev ? (
        <Link href={`/guide/${prev.slug}`} rel="prev" data-testid="prev-page">
          ← {prev.title}
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={`/guide/${next.slug}`} rel="next" data-testid="next-page">
          {next.title} →
        </Link>
      )}
    </nav>
  );
}
