import type { Snippet } from "@/lib/generate/snippet";
import { SnippetCard } from "./snippet-card";

const STEP_TITLES: Record<Snippet["step"], string> = {
  proto: "1 · Proto",
  clients: "2 · Clients",
  rust: "3 · Rust",
  verify: "4 · Verify",
};

/** Every generated snippet, grouped by the guide's steps. */
export function SnippetList({ snippets }: { readonly snippets: readonly Snippet[] }) {
  if (snippets.length === 0) {
    return (
      <p data-testid="no-snippets" className="text-sm text-slate-600 dark:text-slate-400">
        Give the RPC and its fields valid names (see the problems listed) to see the code.
      </p>
    );
  }
  const steps = (Object.keys(STEP_TITLES) as Snippet["step"][]).filter((s) =>
    snippets.some((x) => x.step === s),
  );
  return (
    <div className="space-y-6">
      {steps.map((step) => (
        <section key={step} aria-label={STEP_TITLES[step]} className="space-y-3">
          <h3 className="font-semibold">{STEP_TITLES[step]}</h3>
          {snippets
            .filter((s) => s.step === step)
            .map((s) => (
              <SnippetCard key={s.id} snippet={s} />
            ))}
        </section>
      ))}
    </div>
  );
}
