import { derive } from "@/lib/design/derive";
import type { Design } from "@/lib/design/model";
import type { Snippet } from "@/lib/generate/snippet";
import { describeSql, type SqlSummary } from "@/lib/sql/summary";
import { FilesTouched } from "@/components/snippets/files-touched";

/** Beside the first two steps: what the SQL does and what the design decides so far. */
export function DesignSummary({
  design,
  sql,
  snippets,
}: {
  readonly design: Design;
  readonly sql: SqlSummary;
  readonly snippets: readonly Snippet[];
}) {
  const d = derive(design);
  return (
    <div data-testid="design-summary" className="space-y-2 text-sm">
      <p>
        <strong>{design.rpcName || "(unnamed RPC)"}</strong>:{" "}
        <span data-testid="design-summary-sql">{describeSql(sql)}</span>.
      </p>
      <p className="text-slate-600 dark:text-slate-400">
        The design names {design.tables.join(", ") || "no tables yet"} for a {design.operation}.
      </p>
      <p>
        Category: {d.category ?? "undecided"}.{" "}
        {d.route ? `Router: ${d.route.backend}, storage pool: ${d.route.pool}.` : ""}
      </p>
      <FilesTouched snippets={snippets} name={design.rpcName} />
    </div>
  );
}
