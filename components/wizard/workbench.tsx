"use client";
import { useCallback, useMemo } from "react";
import { TARGET_LABELS } from "@/lib/design/model";
import { designProblems } from "@/lib/design/rules";
import { stepStates } from "@/lib/design/steps";
import { codeBlockers } from "@/lib/design/blockers";
import { generateInput } from "@/lib/generate/context";
import { summarizeSql } from "@/lib/sql/summary";
import { generateSnippets } from "@/lib/generate";
import { checklist } from "@/lib/generate/verify";
import { buildReview } from "@/lib/review/review";
import { LinkWarnings } from "@/components/share/link-warnings";
import { ShareBar } from "@/components/share/share-bar";
import { DesignCheckLine } from "@/components/sql/design-check-line";
import { useDesignCheck } from "@/components/sql/use-design-check";
import { BlockedNotice } from "./blocked-notice";
import { TargetContext } from "@/components/snippets/target-context";
import { CodePanel } from "./code-panel";
import { DesignChoice } from "./design-choice";
import { DesignOriginBar, type MenuExample } from "./design-origin-bar";
import { DesignSummary } from "./design-summary";
import { LayoutDifferences } from "./layout-differences";
import { Stepper } from "./stepper";
import { AccessStep } from "./steps/access-step";
import { CodeStep } from "./steps/code-step";
import { EligibilityStep } from "./steps/eligibility-step";
import { ProtoStep } from "./steps/proto-step";
import { VerifyStep } from "./steps/verify-step";
import { useDesignState } from "./use-design-state";
import { useStep } from "./use-step";

export function Workbench(props: { readonly examples: readonly MenuExample[] }) {
  const { state, dispatch, update, replace } = useDesignState();
  const { design, origin, warnings, revision, undo } = state;
  const { step, setStep } = useStep();
  // One check of the design's SQL, whichever step is open: every view below reads it.
  const check = useDesignCheck(design.sql);
  const { current, settled } = check;
  const sql = useMemo(() => summarizeSql(design.sql, current), [design.sql, current]);
  // Copying the PR description while the lab is starting waits for its answer.
  const reviewOf = useCallback(
    async () => buildReview(design, await settled(design.sql)),
    [design, settled],
  );
  const snippets = useMemo(() => generateSnippets(design, sql), [design, sql]);
  const problems = useMemo(() => designProblems(design, sql.facts), [design, sql]);
  const states = stepStates(problems, sql, snippets.length > 0);
  const sqlTables = sql.facts?.tables ?? null;
  const blockers = codeBlockers(design);
  // A blocked design shows no code; its SQL and messages can still be worked on meanwhile.
  const blocked = blockers.length > 0 && step !== "access" && step !== "proto";

  return (
    <div className="space-y-4">
      <DesignOriginBar origin={origin} undo={undo} examples={props.examples} dispatch={dispatch} />
      <div className="flex flex-wrap items-start gap-4">
        <div className="w-80 max-w-full">
          <DesignChoice field="target" label="Code layout" design={design} update={update} />
        </div>
        {/* A basis, so on a phone the differences wrap below the switch instead of squeezing. */}
        <div className="min-w-0 flex-1 basis-72">
          <LayoutDifferences target={design.target} />
        </div>
      </div>
      <LinkWarnings warnings={warnings} />
      <ShareBar design={design} reviewOf={reviewOf} waiting={check.pending}>
        <DesignCheckLine sql={sql} lab={check.status} />
      </ShareBar>
      <Stepper current={step} states={states} onSelect={setStep} />
      <TargetContext.Provider value={design.target}>
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-label="Step" className="min-w-0">
            {/* Alike on purpose: one block per step, each passing the props it needs by name. */}
            {step === "eligibility" && (
              <EligibilityStep
                design={design}
                update={update}
                sqlTables={sqlTables}
                problems={problems}
              />
            )}
            {blocked && <BlockedNotice reasons={blockers} onFix={() => setStep("eligibility")} />}
            {step === "access" && (
              <AccessStep
                design={design}
                update={update}
                replace={replace}
                revision={revision}
                check={check}
              />
            )}
            {step === "proto" && <ProtoStep design={design} update={update} problems={problems} />}
            {(step === "clients" || step === "rust") && !blocked && (
              <CodeStep step={step} snippets={snippets} problems={problems} />
            )}
            {step === "verify" && !blocked && (
              <VerifyStep
                design={design}
                items={checklist(generateInput(design, sql))}
                snippets={snippets}
              />
            )}
          </section>
          <aside aria-label="Generated code" className="min-w-0 space-y-3">
            <p data-testid="target-label" className="text-sm">
              Code layout: <strong>{TARGET_LABELS[design.target]}</strong>
            </p>
            {step === "eligibility" || step === "access" ? (
              <DesignSummary design={design} sql={sql} snippets={snippets} />
            ) : (
              <CodePanel step={step} snippets={snippets} name={design.rpcName} />
            )}
          </aside>
        </div>
      </TargetContext.Provider>
    </div>
  );
}
