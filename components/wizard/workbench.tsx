"use client";
import { SqlPanel } from "@/components/sql/sql-panel";
import { ProtoPreview } from "./proto-preview";
import { useFragmentState } from "./use-fragment-state";

const DEFAULTS = {
  name: "GetPersonCount",
  sql: "SELECT count(*) FROM posthog_person WHERE team_id = 1 AND is_deleted = false",
};

export function Workbench() {
  const { state, setState, warnings, revision } = useFragmentState(DEFAULTS);
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <div className="space-y-6">
        {warnings.length > 0 && (
          <ul
            data-testid="link-warnings"
            role="alert"
            className="rounded border border-amber-500 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <section aria-labelledby="rpc-heading" className="space-y-2">
          <h2 id="rpc-heading" className="text-lg font-semibold">
            RPC
          </h2>
          <label className="block text-sm">
            RPC name
            <input
              data-testid="rpc-name"
              value={state.name}
              onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))}
              spellCheck={false}
              className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        </section>
        <SqlPanel
          sql={state.sql}
          revision={revision}
          onSqlChange={(sql) => setState((s) => ({ ...s, sql }))}
        />
      </div>
      <section aria-labelledby="proto-heading" className="space-y-2">
        <h2 id="proto-heading" className="text-lg font-semibold">
          Proto
        </h2>
        <ProtoPreview name={state.name} />
      </section>
    </div>
  );
}
