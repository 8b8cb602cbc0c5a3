"use client";
import type { Design } from "@/lib/design/model";
import { applyCommandLine } from "@/lib/apply/command-line";
import { CopyButton } from "@/components/ui/copy-button";
import { useShareLink } from "./use-share-link";

/** "Apply in your checkout": the one CLI command that lands this design, carrying its link. */
export function ApplyInCheckout({ design }: { readonly design: Design }) {
  const { shown, now } = useShareLink(design, []);
  return (
    <div data-testid="apply-in-checkout" className="space-y-1 text-xs">
      <div className="flex items-center gap-2">
        <span className="font-semibold">Apply in your checkout</span>
        <CopyButton
          text={async () => applyCommandLine((await now()).workbench)}
          label="Copy command"
          testId="copy-apply-command"
        />
      </div>
      {shown && (
        <code className="block break-all rounded bg-slate-100 p-1 dark:bg-slate-900">
          {applyCommandLine(shown.workbench)}
        </code>
      )}
    </div>
  );
}
