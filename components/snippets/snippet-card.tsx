"use client";
import type { Snippet } from "@/lib/generate/snippet";
import { CopyButton } from "@/components/ui/copy-button";
import { TARGET_LABELS } from "@/lib/design/model";
import { HighlightedCode } from "./highlighted-code";
import { useTarget } from "./target-context";

export function SnippetCard({ snippet }: { readonly snippet: Snippet }) {
  const target = useTarget();
  return (
    <figure
      data-testid={`snippet-${snippet.id}`}
      className="rounded border border-slate-200 dark:border-slate-800"
    >
      <figcaption className="flex items-start justify-between gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-800">
        <span>
          <code className="font-semibold">{snippet.file}</code> · {snippet.anchor}
          <span
            data-testid="snippet-target"
            className="ml-2 rounded bg-slate-200 px-1 text-slate-800 dark:bg-slate-700 dark:text-slate-100"
          >
            {TARGET_LABELS[target]}
          </span>
        </span>
        <CopyButton text={snippet.code} />
      </figcaption>
      <pre tabIndex={0} className="scroll-cue overflow-auto p-2 text-xs">
        <HighlightedCode code={snippet.code} language={snippet.language} />
      </pre>
      {snippet.notes.length > 0 && (
        <ul className="list-disc border-t border-slate-200 px-6 py-1 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {snippet.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
