/** Shown instead of code while the design cannot go on; says why and where to fix it. */
export function BlockedNotice({
  reasons,
  onFix,
}: {
  readonly reasons: readonly string[];
  readonly onFix: () => void;
}) {
  return (
    <div
      data-testid="blocked"
      role="alert"
      className="space-y-2 rounded border-2 border-red-600 bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-50"
    >
      <p className="font-semibold">Stop here: no code until this is settled.</p>
      <ul className="list-disc pl-5">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <button type="button" onClick={onFix} className="rounded border border-red-700 px-2 py-0.5">
        Back to eligibility
      </button>
    </div>
  );
}
