import { DOMAINS, DOMAIN_FACTS } from "@/lib/catalogue/domains";
import {
  BATCH_SCOPES,
  CONSISTENCIES,
  OPERATIONS,
  TARGETS,
  TARGET_LABELS,
  type Design,
} from "@/lib/design/model";
import { Choice } from "@/components/ui/choice";

const DOMAIN_LABELS = Object.fromEntries(
  DOMAINS.map((d) => [d, `${d} (${DOMAIN_FACTS[d].label})`]),
);
const BATCH_LABELS = {
  single: "single lookup",
  "batch-in-team": "batch within one team",
  "batch-cross-team": "batch across teams",
};

/** The RPC's name and the choices that decide its routing and code layout. */
export function RpcBasicsForm({
  design,
  update,
}: {
  readonly design: Design;
  readonly update: (change: Partial<Design>) => void;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="block text-sm sm:col-span-2">
        RPC name
        <input
          data-testid="rpc-name"
          value={design.rpcName}
          onChange={(e) => update({ rpcName: e.target.value })}
          spellCheck={false}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <Choice
        label="Code layout"
        testId="target"
        value={design.target}
        options={TARGETS}
        labels={TARGET_LABELS}
        onChange={(target) => update({ target })}
      />
      <Choice
        label="Domain (proto file)"
        testId="domain"
        value={design.domain}
        options={DOMAINS}
        labels={DOMAIN_LABELS}
        onChange={(domain) => update({ domain })}
      />
      <Choice
        label="Operation"
        testId="operation"
        value={design.operation}
        options={OPERATIONS}
        onChange={(operation) => update({ operation, readOptions: operation === "read" })}
      />
      {design.operation === "read" && (
        <Choice
          label="Consistency"
          testId="consistency"
          value={design.consistency}
          options={CONSISTENCIES}
          onChange={(consistency) => update({ consistency })}
        />
      )}
      <Choice
        label="Batch"
        testId="batch"
        value={design.batch}
        options={BATCH_SCOPES}
        labels={BATCH_LABELS}
        onChange={(batch) => update({ batch })}
      />
      {design.operation === "read" && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={design.readOptions}
            onChange={(e) => update({ readOptions: e.target.checked })}
          />{" "}
          carries <code>read_options</code> (last field)
        </label>
      )}
    </div>
  );
}
