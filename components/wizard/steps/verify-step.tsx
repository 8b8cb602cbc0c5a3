import type { ChecklistItem } from "@/lib/generate/verify";
import type { Snippet } from "@/lib/generate/snippet";
import { ChecklistView } from "@/components/review/checklist-view";
import { SnippetList } from "@/components/snippets/snippet-list";

/** Step 6: the commands to run and the checklist, ticked from the design's own verdicts. */
export function VerifyStep({
  items,
  snippets,
}: {
  readonly items: readonly ChecklistItem[];
  readonly snippets: readonly Snippet[];
}) {
  return (
    <div className="space-y-4">
      <ChecklistView items={items} />
      <SnippetList snippets={snippets.filter((s) => s.step === "verify")} />
    </div>
  );
}
