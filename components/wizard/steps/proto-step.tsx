import type { Problem } from "@/lib/design/problem";
import { FieldsEditor } from "../fields-editor";
import { ProblemList } from "../problem-list";
import { ResponseEditor } from "../response-editor";
import { RpcBasicsForm } from "../rpc-basics-form";
import type { DesignFormProps } from "../design-form-props";

/** Step 3: the RPC's name and messages; the generated proto sits beside this form. */
export function ProtoStep(props: DesignFormProps & { readonly problems: readonly Problem[] }) {
  const { design, update } = props;
  return (
    <div className="space-y-4">
      <RpcBasicsForm design={design} update={update} />
      <FieldsEditor
        title={`${design.rpcName || "…"}Request fields`}
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
      <ProblemList problems={props.problems} />
    </div>
  );
}
