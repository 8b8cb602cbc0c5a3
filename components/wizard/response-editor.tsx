import { SHARED_RESPONSES } from "@/lib/catalogue/existing-rpcs";
import { Choice } from "@/components/ui/choice";
import { FieldsEditor } from "./fields-editor";
import type { DesignFormProps } from "./design-form-props";

const SHARED = Object.keys(SHARED_RESPONSES);

/** A new <Rpc>Response message, or an existing shared response. */
export function ResponseEditor({ design, update }: DesignFormProps) {
  const r = design.response;
  const choice = r.kind === "new" ? "new" : r.name;
  return (
    <div className="space-y-2">
      <Choice
        label="Response"
        testId="response-kind"
        value={choice}
        options={["new", ...SHARED]}
        labels={{ new: `New message ${design.rpcName}Response` }}
        onChange={(v) =>
          update({
            response: v === "new" ? { kind: "new", fields: [] } : { kind: "shared", name: v },
          })
        }
      />
      {r.kind === "new" ? (
        <FieldsEditor
          title={`${design.rpcName}Response fields`}
          testId="response-fields"
          fields={r.fields}
          onChange={(fields) => update({ response: { kind: "new", fields } })}
        />
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {r.name}: {SHARED_RESPONSES[r.name]?.holds}
        </p>
      )}
    </div>
  );
}
