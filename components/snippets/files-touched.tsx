import type { Snippet } from "@/lib/generate/snippet";

/** The files this change touches in PostHog's repository, in the guide's order. */
export function FilesTouched({ snippets }: { readonly snippets: readonly Snippet[] }) {
  const files = [...new Set(snippets.map((s) => s.file).filter((f) => !f.startsWith("(")))];
  if (files.length === 0) return null;
  return (
    <details data-testid="files-touched" className="text-sm">
      <summary className="cursor-pointer">Files touched ({files.length})</summary>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {files.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </details>
  );
}
