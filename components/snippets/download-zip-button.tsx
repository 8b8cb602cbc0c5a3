"use client";
import { useState } from "react";
import type { Snippet } from "@/lib/generate/snippet";
import { useTarget } from "./target-context";

/**
 * Every fragment in one zip, inside one `<RpcName>/` folder with a README saying where each piece
 * goes (lib/export/fragment-folder.ts, the layout `generate --out` writes too). The zip writer
 * loads only when someone asks for it.
 */
export function DownloadZipButton({
  snippets,
  name,
}: {
  readonly snippets: readonly Snippet[];
  readonly name: string;
}) {
  const target = useTarget();
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    try {
      const [{ createZip }, { fragmentFolder }] = await Promise.all([
        import("@/lib/export/zip"),
        import("@/lib/export/fragment-folder"),
      ]);
      const bytes = createZip(fragmentFolder(name, snippets, target));
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `${name || "personhog-rpc"}.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <span>
      <button
        type="button"
        data-testid="download-zip"
        onClick={download}
        disabled={snippets.length === 0}
        className="rounded border border-slate-400 px-2 py-0.5 text-xs disabled:opacity-50"
      >
        Download the fragments (.zip)
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
