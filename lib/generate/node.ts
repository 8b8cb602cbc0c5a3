/**
 * Step 2, Node.js: regenerate the protobuf-es code, add a wrapper method, stub the RPC in
 * SERVICE_DEFAULTS. The code follows PostHog's nodejs Prettier settings (4 spaces, single quotes,
 * no semicolons, width 120) so it pastes without a reformat.
 */
import { NODE_PATHS } from "../catalogue/paths";
import { SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { field } from "../design/defaults";
import type { FieldDesign } from "../design/model";
import type { GenerateInput, Generator } from "./context";
import { tsParam, tsProperty } from "../escape/typescript";
import {
  listOrValue,
  mayBeUnset,
  readOptionsHelper,
  requestValue,
  resultType,
  resultValue,
  resultZero,
  returnedFields,
  zeroOf,
} from "./node-values";
import { code, type Block } from "./code";
import { wrapperImports } from "./node-imports";
import { serviceDefaultNotes, wrapperNotes } from "./node-notes";
import { snippet } from "./snippet-builder";

const WIDTH = 120;

export type NodeFiles = ReturnType<typeof nodeFiles>;

export function nodeFiles({ design, d }: GenerateInput) {
  const { file } = d.domain.nodeOps;
  // The written guide's layout (nodejs/src/ingestion/personhog/); a current checkout may still have
  // it, and the design says so. Its client.ts keeps the client in a constructor local: wrappers
  // live in the operations classes.
  const guideLayout = design.target === "guide" || design.nodeLayout === "ingestion-client";
  const { ingestion, common } = NODE_PATHS;
  return {
    wrapper: guideLayout ? ingestion.operations(file) : common.wrapper(file),
    test: guideLayout ? ingestion.test : common.test,
    /** Where generated `*_pb` modules are imported from in that file (varies between checkouts). */
    generated: guideLayout
      ? "../../generated/personhog/personhog/types/v1/"
      : "~/common/generated/personhog/types/v1/",
    guideLayout,
  };
}

/**
 * The wrapper's result type, and its `return` statements: of the mapped response (none for void),
 * and of the empty-batch answer.
 */
function result({ design, d }: GenerateInput) {
  const file = d.domain.nodeOps.file;
  const fields = returnedFields(design, file);
  if (!fields) {
    const empty = `return create(${d.responseMessage}Schema)`;
    return { type: d.responseMessage, value: "return response", empty };
  }
  const [only, ...more] = fields;
  if (!only) return { type: "void", value: null, empty: "return" };
  const members =
    more.length > 0
      ? fields.map((f) => `${tsProperty(f.name)}: ${resultType(f, file)}`)
      : undefined;
  const returns = (valueOf: (f: FieldDesign) => string) =>
    members
      ? code`
        return {
            ${fields.map((f) => `${tsProperty(f.name)}: ${valueOf(f)},`)}
        }
      `
      : `return ${valueOf(only)}`;
  return {
    type: members ? `{ ${members.join("; ")} }` : resultType(only, file),
    members,
    value: returns((f) => resultValue(f, file)),
    empty: returns(resultZero),
  };
}

/** Optional fields become `?` only where no required parameter follows them. */
function params(fields: readonly FieldDesign[]): string[] {
  const lastRequired = fields.findLastIndex((f) => !f.optional);
  return fields
    .map((f, i) => {
      const type = `${listOrValue(f)}${f.optional && i < lastRequired ? " | undefined" : ""}`;
      return `${tsParam(f.name)}${i > lastRequired ? "?" : ""}: ${type}`;
    })
    .concat("callerTag?: string");
}

/** As Prettier breaks it: the parameters first, then an object return type that still overflows. */
function signature(name: string, list: string[], res: ReturnType<typeof result>): Block {
  return (column) => {
    const oneLine = `async ${name}(${list.join(", ")}): Promise<${res.type}> {`;
    if (column + oneLine.length <= WIDTH) return oneLine;
    const close = `): Promise<${res.type}> {`;
    const closing =
      column + close.length <= WIDTH || !res.members
        ? close
        : code`
          ): Promise<{
              ${res.members}
          }> {
        `;
    return code`
      async ${name}(
          ${list.join(",\n")}
      ${closing}
    `(column);
  };
}

function wrapperCode(input: GenerateInput): Block {
  const { design, d } = input;
  const res = result(input);
  const helper = readOptionsHelper(input);
  const init = design.request.map((f) => {
    const value = requestValue(f);
    const key = tsProperty(f.name);
    return value === key ? `${key},` : `${key}: ${value},`;
  });
  if (helper) init.push(`readOptions: ${helper}(),`);
  const request =
    init.length === 0
      ? `create(${d.requestMessage}Schema),`
      : code`
        create(${d.requestMessage}Schema, {
            ${init}
        }),
      `;
  const batch = design.request.find((f) => f.repeated);
  const early =
    batch &&
    code`
      if (${tsParam(batch.name)}.length === 0) {
          ${res.empty}
      }

    `;
  return code`
    ${signature(d.camel, params(design.request), res)}
        ${early}
        ${res.value ? "const response = " : ""}await this.client.${d.camel}(
            ${request}
            callerTag ? { headers: { 'x-caller-tag': callerTag } } : undefined
        )
        ${res.value}
    }
  `;
}

/**
 * The stub's fields: a new response's, or a shared one's repeated fields, which the real stubs spell
 * out as empty lists (`checkCohortMembership: () => ({ memberships: [] })`).
 */
function stubFields({ design }: GenerateInput): readonly FieldDesign[] {
  if (design.response.kind === "new") return design.response.fields;
  const holds = SHARED_RESPONSES[design.response.name]?.holds ?? "";
  return [...holds.matchAll(/\brepeated (\w+) (\w+) = \d+/g)].map((m) =>
    field(m[2]!, m[1]!, { repeated: true }),
  );
}

/** SERVICE_DEFAULTS returns proto init shapes: bigint zeros, unset messages left out. */
function serviceDefaultCode(input: GenerateInput): string {
  const fields = stubFields(input);
  const zero = (f: FieldDesign) => (f.repeated ? "[]" : f.type === "int64" ? "0n" : zeroOf(f));
  const members = fields
    .filter((f) => !mayBeUnset(f))
    .map((f) => `${tsProperty(f.name)}: ${zero(f)}`);
  return `${input.d.camel}: () => (${members.length ? `{ ${members.join(", ")} }` : "{}"}),`;
}

export const nodeSnippets: Generator = (input) => {
  const { d } = input;
  const files = nodeFiles(input);
  return [
    snippet({
      id: "node-codegen",
      file: "(terminal)",
      anchor: "from the repository root, after the proto step",
      code: "cd nodejs && pnpm run generate:personhog-proto",
      notes: [
        "Runs buf with protoc-gen-es v2 (target=ts) over proto/personhog/service and proto/personhog/types; replica and leader protos are not generated for Node.",
        `protobuf-es spells names in lowerCamel: the method is ${d.camel}, request fields are camelCase (team_id becomes teamId).`,
        "Commit the regenerated files (nodejs/src/common/generated/ or nodejs/src/generated/, depending on the checkout) with the change.",
      ],
    }),
    snippet({
      id: "node-wrapper",
      file: files.wrapper,
      anchor: `inside class ${d.domain.nodeOps.className}`,
      code: wrapperCode(input),
      notes: wrapperNotes(input, files),
      imports: wrapperImports(input, files),
      indent: 4,
    }),
    snippet({
      id: "node-service-default",
      file: files.test,
      anchor: "inside const SERVICE_DEFAULTS",
      code: serviceDefaultCode(input),
      notes: serviceDefaultNotes(input, stubFields(input).length > 0),
      indent: 4,
    }),
  ];
};
