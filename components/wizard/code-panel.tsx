import type { StepId } from "@/lib/design/steps";
import type { Snippet } from "@/lib/generate/snippet";
import { FilesTouched } from "@/components/snippets/files-touched";
import { ProtoCheckBanner } from "@/components/snippets/proto-check-banner";
import { SnippetList } from "@/components/snippets/snippet-list";

/** Beside the proto step its proto; beside the code steps, every file touched. */
export function CodePanel({
  step,
  snippets,
}: {
  readonly step: StepId;
  readonly snippets: readonly Snippet[];
}) {
  return (
    <div className="space-y-3">
      <ProtoCheckBanner snippets={snippets} />
      {step === "proto" ? (
        <SnippetList snippets={snippets.filter((s) => s.step === "proto")} />
      ) : (
        <FilesTouched snippets={snippets} />
      )}
    </div>
  );
}
