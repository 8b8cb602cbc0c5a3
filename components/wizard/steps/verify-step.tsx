import type { Design } from "@/lib/design/model";
import type { ChecklistItem } from "@/lib/generate/verify";
import type { Snippet } from "@/lib/generate/snippet";
import { ChecklistView } from "@/components/review/checklist-view";
import { SnippetList } from "@/components/snippets/snippet-list";
import { ApplyInCheckout } from "@/components/share/apply-in-checkout";

/** Step 6: the commands to run and the checklist, ticked from the design's own verdicts. */
export function VerifyStep({
  design,
  items,
  snippets,
}: {
  readonly design: Design;
  readonly items: readonly ChecklistItem[];
  readonly snippets: readonly Snippet[];
}) {
  return (
    <div className="space-y-4">
      <ApplyInCheckout design={design} />
      <ChecklistView items={items} />
      <SnippetList snippets={snippets.filter((s) => s.step === "verify")} />
    </div>
  );
}
