import type { StepId } from "@/lib/design/steps";
import type { Snippet } from "@/lib/generate/snippet";
import { FilesTouched } from "@/components/snippets/files-touched";
import { ProtoCheckBanner } from "@/components/snippets/proto-check-banner";
import { SnippetList } from "@/components/snippets/snippet-list";

/** Beside the proto step its proto; beside the code steps, every file touched and the zip. */
export function CodePanel(props: {
  readonly step: StepId;
  readonly snippets: readonly Snippet[];
  readonly name: string;
}) {
  const { step, snippets } = props;
  return (
    <div className="space-y-3">
      <ProtoCheckBanner snippets={snippets} />
      {step === "proto" ? (
        <SnippetList snippets={snippets.filter((s) => s.step === "proto")} />
      ) : (
        <FilesTouched snippets={snippets} name={props.name} />
      )}
    </div>
  );
}
