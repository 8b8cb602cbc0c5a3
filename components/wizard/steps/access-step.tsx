import { DesignChoice } from "@/components/wizard/design-choice";
import { SqlPanel } from "@/components/sql/sql-panel";
import type { DesignCheck } from "@/components/sql/use-design-check";
import type { DesignFormProps } from "../design-form-props";

/** Step 2: the SQL, checked as it is typed, and the read/write, consistency and batch choices. */
export function AccessStep(
  props: DesignFormProps & {
    /** A change made for the user (a fix tried or undone), pushed into the editors. */
    readonly replace: DesignFormProps["update"];
    readonly revision: number;
    readonly check: DesignCheck;
  },
) {
  const { design, update } = props;
  return (
    <div className="space-y-4">
      <SqlPanel
        sql={design.sql}
        revision={props.revision}
        onSqlChange={(sql) => update({ sql })}
        onReplaceSql={(sql) => props.replace({ sql })}
        check={props.check}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        {design.operation === "read" && (
          <div>
            <DesignChoice field="consistency" label="Consistency" design={design} update={update} />
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Eventual reads the replica pool and may lag; strong reads the primary and, for person
              data, goes to the leader.
            </p>
          </div>
        )}
        <div>
          <DesignChoice field="batch" label="Batch" design={design} update={update} />
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            A batch within one team keeps a constant team_id (one partition); across teams each row
            names its team.
          </p>
        </div>
      </div>
    </div>
  );
}
