"use client";
import { useCallback, useMemo, useState } from "react";
import { derive } from "@/lib/design/derive";
import { TARGET_LABELS } from "@/lib/design/model";
import { designProblems } from "@/lib/design/rules";
import { generateSnippets } from "@/lib/generate";
import type { CheckResult } from "@/lib/sql/session";
import { SqlPanel } from "@/components/sql/sql-panel";
import { ProtoCheckBanner } from "@/components/snippets/proto-check-banner";
import { FilesTouched } from "@/components/snippets/files-touched";
import { SnippetList } from "@/components/snippets/snippet-list";
import { FieldsEditor } from "./fields-editor";
import { LeaderSafetyForm } from "./leader-safety-form";
import { ProblemList } from "./problem-list";
import { ResponseEditor } from "./response-editor";
import { RpcBasicsForm } from "./rpc-basics-form";
import { TablesPicker } from "./tables-picker";
import { useDesignState } from "./use-design-state";

export function Workbench() {
  const { design, update, warnings, revision } = useDesignState();
  const [checked, setChecked] = useState<{ result: CheckResult; sql: string } | null>(null);
  const onResult = useCallback(
    (result: CheckResult, sql: string) => setChecked({ result, sql }),
    [],
  );
  const sqlResult = checked?.result ?? null;
  // The checklist ticks "uses an index" only for a verdict on the SQL as it stands now.
  const sqlStatus = sqlResult?.ok && checked?.sql === design.sql ? sqlResult.status : "unchecked";
  const snippets = useMemo(() => generateSnippets(design, sqlStatus), [design, sqlStatus]);
  const problems = useMemo(() => designProblems(design), [design]);
  const d = derive(design);
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
        <section aria-labelledby="rpc-heading" className="space-y-3">
          <h2 id="rpc-heading" className="text-lg font-semibold">
            RPC
          </h2>
          <RpcBasicsForm design={design} update={update} />
          <TablesPicker
            design={design}
            update={update}
            sqlTables={sqlResult?.ok ? sqlResult.tables.map((t) => t.name) : null}
          />
          {d.leaderWrite && <LeaderSafetyForm design={design} update={update} />}
        </section>
        <SqlPanel
          sql={design.sql}
          revision={revision}
          onSqlChange={(sql) => update({ sql })}
          onResult={onResult}
        />
        <section aria-labelledby="messages-heading" className="space-y-3">
          <h2 id="messages-heading" className="text-lg font-semibold">
            Messages
          </h2>
          <FieldsEditor
            title={`${design.rpcName}Request fields`}
            testId="request-fields"
            fields={design.request}
            onChange={(request) => update({ request })}
            trailing={
              design.operation === "read" && design.readOptions
                ? "ReadOptions read_options is added as the last field."
                : undefined
            }
          />
          <ResponseEditor design={design} update={update} />
          <ProblemList problems={problems} />
        </section>
      </div>
      <section aria-labelledby="snippets-heading" className="space-y-3">
        <h2 id="snippets-heading" className="text-lg font-semibold">
          Generated code
        </h2>
        <p data-testid="target-label" className="text-sm">
          Code layout: <strong>{TARGET_LABELS[design.target]}</strong>
          {design.target === "guide"
            ? " (the written guide; PostHog's code has since moved on)"
            : " (PostHog's code as it is today)"}
        </p>
        <ProtoCheckBanner snippets={snippets} />
        <FilesTouched snippets={snippets} />
        <SnippetList snippets={snippets} />
      </section>
    </div>
  );
}
