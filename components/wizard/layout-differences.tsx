import { LAYOUT_DIFFERENCES, LAYOUT_SUMMARIES } from "@/lib/catalogue/layout-eras";
import { TARGET_LABELS, type Target } from "@/lib/design/model";
import { InlineCode } from "@/components/ui/inline-code";

/** Beside the layout switch: what the chosen layout is, and where the two differ (from lib/catalogue). */
export function LayoutDifferences({ target }: { readonly target: Target }) {
  return (
    <div data-testid="layout-differences" className="text-sm">
      <p data-testid="layout-summary">{LAYOUT_SUMMARIES[target]}</p>
      <details className="mt-1">
        <summary className="cursor-pointer">How the two layouts differ</summary>
        <div className="overflow-x-auto">
          <table className="mt-1 text-xs">
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left" />
                <th scope="col" className="p-1 text-left">
                  {TARGET_LABELS.guide}
                </th>
                <th scope="col" className="p-1 text-left">
                  {TARGET_LABELS.current}
                </th>
              </tr>
            </thead>
            <tbody>
              {LAYOUT_DIFFERENCES.map((row) => (
                <tr key={row.topic} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="p-1 text-left align-top">
                    {row.topic}
                  </th>
                  <td className="p-1 align-top">
                    <InlineCode text={row.guide} />
                  </td>
                  <td className="p-1 align-top">
                    <InlineCode text={row.current} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
