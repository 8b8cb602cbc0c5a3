import { derive } from "@/lib/design/derive";
import type { Design } from "@/lib/design/model";
import type { Snippet } from "@/lib/generate/snippet";
import { FilesTouched } from "@/components/snippets/files-touched";

/** Beside the first two steps: what the design decides so far. */
export function DesignSummary({
  design,
  snippets,
}: {
  readonly design: Design;
  readonly snippets: readonly Snippet[];
}) {
  const d = derive(design);
  return (
    <div data-testid="design-summary" className="space-y-2 text-sm">
      <p>
        <strong>{design.rpcName || "(unnamed RPC)"}</strong>: a {design.operation} of{" "}
        {design.tables.join(", ") || "no tables yet"}.
      </p>
      <p>
        Category: {d.category ?? "undecided"}.{" "}
        {d.route ? `Router: ${d.route.backend}, storage pool: ${d.route.pool}.` : ""}
      </p>
      <FilesTouched snippets={snippets} name={design.rpcName} />
    </div>
  );
}
