import { routeRequest } from "@/lib/catalogue/routing";
import type { CheckResult } from "@/lib/sql/session";

type Checked = Extract<CheckResult, { ok: true }>;

/** Read or write, each table's data category, and where the router would send the request. */
export function StatementSummary({ result }: { readonly result: Checked }) {
  const { kind, operation, locking } = result.statement;
  const categories = [...new Set(result.tables.flatMap((t) => (t.category ? [t.category] : [])))];
  return (
    <div data-testid="statement-summary" className="text-sm">
      <p>
        <strong>{kind === "write" ? "Write" : "Read"}</strong> ({operation.toUpperCase()}
        {locking ? ", locking rows: counts as a write" : ""})
      </p>
      <ul className="mt-1 list-disc pl-5">
        {result.tables.map((t) => (
          <li key={t.name}>
            <code>{t.name}</code>: {t.category ?? "not a personhog table"}
          </li>
        ))}
      </ul>
      {categories.length === 1 && categories[0] && (
        <p data-testid="routing" className="mt-1">
          Routing:{" "}
          {kind === "read" && categories[0] === "PersonData"
            ? `${routeRequest(categories[0], "read", "eventual").reason} ${routeRequest(categories[0], "read", "strong").reason}`
            : routeRequest(categories[0], kind).reason}
        </p>
      )}
    </div>
  );
}
