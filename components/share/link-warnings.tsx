import { terminalText } from "@/lib/export/terminal-text";

/** What was wrong with the link that opened this page, and what was kept. */
export function LinkWarnings({ warnings }: { readonly warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul
      data-testid="link-warnings"
      role="alert"
      className="rounded border border-amber-500 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      {warnings.map((w, i) => (
        <li key={i}>{terminalText(w)}</li>
      ))}
    </ul>
  );
}
