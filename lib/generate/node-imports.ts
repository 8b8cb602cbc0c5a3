/**
 * The imports a Node wrapper needs in its operations file, as data: apply adds those the file
 * lacks, the Node harness compiles with them, and the wrapper's note lists them for a person.
 */
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import type { GenerateInput } from "./context";
import type { NodeFiles } from "./node";
import { converterOf, isScalar, readOptionsHelper, returnedFields } from "./node-values";
import type { TsImport } from "./snippet";

/** What the generated `*_pb` modules give the wrapper: its schemas and the message types it names. */
export function generatedImports(input: GenerateInput, files: NodeFiles): TsImport[] {
  const { design, d } = input;
  const file = d.domain.nodeOps.file;
  const returned = returnedFields(design, file);
  const modules = new Map<string, Set<string>>();
  const add = (domain: string, name: string) =>
    modules.set(domain, (modules.get(domain) ?? new Set()).add(name));
  add(design.domain, `${d.requestMessage}Schema`);
  if (design.response.kind === "shared" && !returned) {
    const domain = SHARED_RESPONSES[design.response.name]?.domain ?? design.domain;
    add(domain, `type ${d.responseMessage}`);
    if (design.request.some((f) => f.repeated)) add(domain, `${d.responseMessage}Schema`);
  }
  const named = [...design.request, ...(returned ?? []).filter((f) => !converterOf(f.type, file))];
  for (const f of named.filter((f) => !isScalar(f.type)))
    add(KNOWN_MESSAGES[f.type] ?? design.domain, `type ${f.type}`);
  return [...modules].map(([domain, names]) => ({
    from: `${files.generated}${domain}_pb`,
    names: [...names],
  }));
}

/**
 * Every import the wrapper needs: `create`, the generated ones, and the read-options helper from
 * the client module (strongReadOptions is not exported there yet; the note says to add it).
 */
export function wrapperImports(input: GenerateInput, files: NodeFiles): TsImport[] {
  const helper = readOptionsHelper(input);
  return [
    { from: "@bufbuild/protobuf", names: ["create"] },
    ...generatedImports(input, files),
    ...(helper ? [{ from: "./client", names: [helper] }] : []),
  ];
}
