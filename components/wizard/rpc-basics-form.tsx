import { Checkbox } from "@/components/ui/checkbox";
import { DesignChoice } from "./design-choice";
import type { DesignFormProps } from "./design-form-props";

/** The RPC's name, the proto file its messages go in, and whether reads carry read_options. */
export function RpcBasicsForm({ design, update }: DesignFormProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="block text-sm">
        RPC name
        <input
          data-testid="rpc-name"
          value={design.rpcName}
          onChange={(e) => update({ rpcName: e.target.value })}
          spellCheck={false}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <DesignChoice field="domain" label="Domain (proto file)" design={design} update={update} />
      {design.operation === "read" && (
        <Checkbox
          checked={design.readOptions}
          onChange={(readOptions) => update({ readOptions })}
          className="flex items-center gap-2 text-sm sm:col-span-2"
        >
          carries <code>read_options</code> (last field)
        </Checkbox>
      )}
    </div>
  );
}
