import { derive } from "@/lib/design/derive";
import { OPERATIONS } from "@/lib/design/model";
import type { Problem } from "@/lib/design/problem";
import { Choice } from "@/components/ui/choice";
import { LeaderSafetyForm } from "../leader-safety-form";
import { PersonWriteSideForm } from "../person-write-side-form";
import { StepProblems } from "../step-problems";
import { TablesPicker } from "../tables-picker";
import type { DesignFormProps } from "../design-form-props";

/** Step 1: is this personhog data, and where will the router send it? */
export function EligibilityStep(
  props: DesignFormProps & {
    readonly sqlTables: readonly string[] | null;
    readonly problems: readonly Problem[];
  },
) {
  const { design, update } = props;
  const d = derive(design);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        personhog serves only the tables below. Pick every table the RPC touches, or check its SQL
        in the next step and take the tables from there.
      </p>
      <StepProblems problems={props.problems} step="eligibility" />
      <TablesPicker design={design} update={update} sqlTables={props.sqlTables} />
      <Choice
        label="Does the RPC read or write?"
        testId="operation-eligibility"
        value={design.operation}
        options={OPERATIONS}
        onChange={(operation) => update({ operation, readOptions: operation === "read" })}
      />
      <p data-testid="route-summary" className="rounded bg-slate-100 p-2 text-sm dark:bg-slate-900">
        {d.route ? (
          <>
            Routing: <strong>{d.route.backend}</strong> ({d.route.pool}). {d.route.reason}
          </>
        ) : (
          "Routing is undecided until the tables are personhog tables of one category (or you choose it)."
        )}
      </p>
      {d.choosesPersonWriteSide && <PersonWriteSideForm design={design} update={update} />}
      {d.leaderWrite && <LeaderSafetyForm design={design} update={update} />}
    </div>
  );
}
