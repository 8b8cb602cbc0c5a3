import { personhogTable } from "@/lib/catalogue/tables";
import type { CheckResult } from "@/lib/sql/session";

type Checked = Extract<CheckResult, { ok: true }>;

/** Read or write, and each table with its data category and routing: what eligibility needs. */
export function StatementSummary({ result }: { readonly result: Checked }) {
  const { kind, operation, locking } = result.statement;
  return (
    <div data-testid="statement-summary" className="text-sm">
      <p>
        <strong>{kind === "write" ? "Write" : "Read"}</strong> ({operation.toUpperCase()}
        {locking ? ", locking rows: counts as a write" : ""})
      </p>
      <ul className="mt-1 list-disc pl-5">
        {result.tables.map((t) => (
          <li key={t.name}>
            <code>{t.name}</code>:{" "}
            {t.category
              ? `${t.category}. ${personhogTable(t.name)?.routing ?? ""}`
              : "not a personhog table."}
          </li>
        ))}
      </ul>
    </div>
  );
}
