import type { Problem } from "@/lib/design/problem";
import type { Snippet } from "@/lib/generate/snippet";
import { SnippetList } from "@/components/snippets/snippet-list";
import { StepProblems } from "../step-problems";

const INTRO: Record<"clients" | "rust", string> = {
  clients:
    "Regenerate the stubs, then add the wrapper, the re-exports and the test defaults below.",
  rust: "Add the storage method, the handler and the router wiring; cargo build names anything still missing.",
};

/** Steps 4 and 5 show only code; the form has nothing to ask here. */
export function CodeStep({
  step,
  snippets,
  problems,
}: {
  readonly step: "clients" | "rust";
  readonly snippets: readonly Snippet[];
  readonly problems: readonly Problem[];
}) {
  return (
    <div className="space-y-3">
      <p className="text-sm">{INTRO[step]}</p>
      <StepProblems problems={problems} step={step} />
      <SnippetList snippets={snippets.filter((s) => s.step === step)} />
    </div>
  );
}
