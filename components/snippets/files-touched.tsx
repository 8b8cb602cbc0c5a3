import { copyAllText } from "@/lib/export/snippet-files";
import { isPseudoFile, type Snippet } from "@/lib/generate/snippet";
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadZipButton } from "./download-zip-button";

/** The files this change touches in PostHog's repository, each copyable whole, and a zip of all. */
export function FilesTouched({
  snippets,
  name,
}: {
  readonly snippets: readonly Snippet[];
  readonly name: string;
}) {
  const files = [...new Set(snippets.map((s) => s.file).filter((f) => !isPseudoFile(f)))];
  if (files.length === 0) return null;
  return (
    <div data-testid="files-touched" className="space-y-2 text-sm">
      <div className="flex items-center justify-between">
        <h3 className="font-semibold">Files touched ({files.length})</h3>
        <DownloadZipButton snippets={snippets} name={name} />
      </div>
      <ul className="space-y-1 font-mono text-xs">
        {files.map((f) => (
          <li key={f} className="flex items-center justify-between gap-2">
            <span className="truncate">{f}</span>
            {/* Built on click: this list re-renders on every keystroke. */}
            <CopyButton text={() => copyAllText(snippets, f)} label="Copy all" />
          </li>
        ))}
      </ul>
    </div>
  );
}
