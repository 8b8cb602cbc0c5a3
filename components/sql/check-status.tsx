import type { CheckResult } from "@/lib/sql/session";
import { InlineCode } from "@/components/ui/inline-code";

const LABEL = {
  // Tones dark enough for white small text (WCAG AA, 4.5:1).
  error: { text: "Failed: fix it before adding this RPC", tone: "bg-red-700" },
  warning: { text: "Needs a reviewer's OK: each warning below says why", tone: "bg-amber-700" },
  pass: { text: "Every table is read through an index", tone: "bg-emerald-700" },
  "nothing-checked": {
    text: "Failed: nothing was checked, the statement reads no table",
    tone: "bg-red-700",
  },
} as const;

/** The one-line answer to "can this query ship?", with its timing. */
export function CheckStatus({ result }: { readonly result: CheckResult }) {
  if (!result.ok) {
    return (
      <p
        data-testid="check-status"
        data-status="invalid"
        className="rounded bg-slate-700 px-3 py-2 text-sm text-white"
      >
        SQL error{result.error.position ? ` at character ${result.error.position}` : ""}:{" "}
        <InlineCode text={result.error.message} />
      </p>
    );
  }
  const label = LABEL[result.status];
  return (
    <p
      data-testid="check-status"
      data-status={result.status}
      className={`rounded px-3 py-2 text-sm font-medium text-white ${label.tone}`}
    >
      {label.text} <span className="font-normal">({result.ms.toFixed(1)} ms)</span>
    </p>
  );
}
