/**
 * Step 2, Node.js: regenerate the protobuf-es code, add a wrapper method, stub the RPC in
 * SERVICE_DEFAULTS. The code follows PostHog's nodejs Prettier settings (4 spaces, single quotes,
 * no semicolons, width 120) so it pastes without a reformat.
 */
import { NODE_PATHS } from "../catalogue/paths";
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import type { FieldDesign } from "../design/model";
import type { GenerateInput, Generator } from "./context";
import { tsParam, tsProperty } from "./escape/typescript";
import type { Snippet } from "./snippet";

const WIDTH = 120;
const pad = (level: number) => "    ".repeat(level);

export interface NodeFiles {
  readonly wrapper: string;
  readonly wrapperAnchor: string;
  readonly test: string;
  /** Where generated `*_pb` modules are imported from in that file (varies between checkouts). */
  readonly generated: string;
  /** The operations-class layout, where SERVICE_DEFAULTS is a typed ServiceImpl. */
  readonly operations: boolean;
}

export function nodeFiles({ design, d }: GenerateInput): NodeFiles {
  // The seed guide's layout; a current checkout may still have it, and the design says so.
  if (design.target === "guide" || design.nodeLayout === "ingestion-client") {
    return {
      wrapper: NODE_PATHS.ingestion.wrapper,
      wrapperAnchor: `inside class PersonHogClient, with the other ${design.domain.replace("_", " ")} methods`,
      test: NODE_PATHS.ingestion.test,
      generated: "../../generated/personhog/personhog/types/v1/",
      operations: false,
    };
  }
  return {
    wrapper: NODE_PATHS.common.wrapper(d.domain.nodeOps.file),
    wrapperAnchor: `inside class ${d.domain.nodeOps.className}`,
    test: NODE_PATHS.common.test,
    generated: "~/common/generated/personhog/types/v1/",
    operations: true,
  };
}

const SCALAR_TS: Readonly<Record<string, string>> = {
  int64: "number",
  int32: "number",
  double: "number",
  string: "string",
  bool: "boolean",
  bytes: "Uint8Array",
};
const ZERO: Readonly<Record<string, string>> = {
  int64: "0",
  int32: "0",
  double: "0",
  string: "''",
  bool: "false",
  bytes: "new Uint8Array()",
};
const isScalar = (type: string) => Object.hasOwn(SCALAR_TS, type);
/** One value as TS callers see it: int64 crosses the wrapper as number, messages as their type. */
const valueType = (f: FieldDesign) => SCALAR_TS[f.type] ?? f.type;
const listOrValue = (f: FieldDesign) => (f.repeated ? `${valueType(f)}[]` : valueType(f));
/** protobuf-es leaves a singular message or a proto3 optional scalar undefined when unset. */
const mayBeUnset = (f: FieldDesign) => !f.repeated && (f.optional || !isScalar(f.type));

const paramName = (f: FieldDesign) => tsParam(f.name);

/** Request init value from a plain TS parameter: int64 is bigint in protobuf-es v2. */
function requestValue(f: FieldDesign): string {
  const p = paramName(f);
  if (f.type !== "int64") return p;
  if (f.repeated) return `${p}.map(BigInt)`;
  return f.optional ? `${p} === undefined ? undefined : BigInt(${p})` : `BigInt(${p})`;
}

/** A response field mapped back to plain TS (bigint → number, exact below 2^53). */
function resultValue(f: FieldDesign): string {
  const r = `response.${tsProperty(f.name)}`;
  if (f.type !== "int64") return r;
  if (f.repeated) return `${r}.map(Number)`;
  return f.optional ? `${r} === undefined ? undefined : Number(${r})` : `Number(${r})`;
}

const resultType = (f: FieldDesign) => `${listOrValue(f)}${mayBeUnset(f) ? " | undefined" : ""}`;
const resultZero = (f: FieldDesign) =>
  f.repeated ? "[]" : mayBeUnset(f) ? "undefined" : ZERO[f.type];

type Mode = "value" | "empty";

interface Result {
  readonly type: string;
  /** Members of an object result type, for when the type alone overflows a line. */
  readonly members?: readonly string[];
  /** The `return` lines at the body's indent: the mapped response, or the empty-batch answer. */
  readonly ret: (mode: Mode) => string[];
}

function result({ design, d }: GenerateInput): Result {
  if (design.response.kind === "shared") {
    // Fields of shared messages are not modelled; the caller maps it as its neighbours do.
    const empty = `return create(${d.responseMessage}Schema)`;
    return {
      type: d.responseMessage,
      ret: (mode) => [mode === "empty" ? empty : "return response"],
    };
  }
  const fields = design.response.fields;
  if (fields.length === 0)
    return { type: "void", ret: (mode) => (mode === "empty" ? ["return"] : []) };
  const value = (mode: Mode) => (mode === "empty" ? resultZero : resultValue);
  const only = fields.length === 1 ? fields[0] : undefined;
  if (only) return { type: resultType(only), ret: (mode) => [`return ${value(mode)(only)}`] };
  const members = fields.map((f) => `${tsProperty(f.name)}: ${resultType(f)}`);
  return {
    type: `{ ${members.join("; ")} }`,
    members,
    ret: (mode) => [
      "return {",
      ...fields.map((f) => `${pad(1)}${tsProperty(f.name)}: ${value(mode)(f)},`),
      "}",
    ],
  };
}

/** Optional fields become `?` only where no required parameter follows them. */
function params(fields: readonly FieldDesign[]): string[] {
  return fields
    .map((f, i) => {
      const trailing = fields.slice(i).every((g) => g.optional);
      const name = paramName(f);
      if (!f.optional) return `${name}: ${listOrValue(f)}`;
      return trailing ? `${name}?: ${listOrValue(f)}` : `${name}: ${listOrValue(f)} | undefined`;
    })
    .concat("callerTag?: string");
}

/** As Prettier breaks it: the parameters first, then an object return type that still overflows. */
function signature(name: string, list: string[], res: Result): string[] {
  const oneLine = `${pad(1)}async ${name}(${list.join(", ")}): Promise<${res.type}> {`;
  if (oneLine.length <= WIDTH) return [oneLine];
  const close = `${pad(1)}): Promise<${res.type}> {`;
  return [
    `${pad(1)}async ${name}(`,
    ...list.map((p, i) => `${pad(2)}${p}${i < list.length - 1 ? "," : ""}`),
    ...(close.length <= WIDTH || !res.members
      ? [close]
      : [`${pad(1)}): Promise<{`, ...res.members.map((m) => pad(2) + m), `${pad(1)}}> {`]),
  ];
}

export function readOptionsHelper({ design }: GenerateInput): string | null {
  if (design.operation !== "read" || !design.readOptions) return null;
  return design.consistency === "strong" ? "strongReadOptions" : "eventualReadOptions";
}

function wrapperCode(input: GenerateInput): string {
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
      ? [`create(${d.requestMessage}Schema),`]
      : [`create(${d.requestMessage}Schema, {`, ...init.map((l) => pad(1) + l), "}),"];
  const batch = design.request.find((f) => f.repeated);
  const early = batch
    ? [
        `if (${paramName(batch)}.length === 0) {`,
        ...res.ret("empty").map((l) => pad(1) + l),
        "}",
        "",
      ]
    : [];
  const returns = res.ret("value");
  const body = [
    ...early,
    `${returns.length ? "const response = " : ""}await this.client.${d.camel}(`,
    ...request.map((l) => pad(1) + l),
    `${pad(1)}callerTag ? { headers: { 'x-caller-tag': callerTag } } : undefined`,
    ")",
    ...returns,
  ];
  return [
    ...signature(d.camel, params(design.request), res),
    ...body.map((l) => (l ? pad(2) + l : l)),
    `${pad(1)}}`,
  ].join("\n");
}

/** Where the read-options helper comes from in the wrapper's file, as a sentence tail. */
function helperSource(helper: string | null, files: NodeFiles): string {
  if (helper === "eventualReadOptions")
    return files.operations
      ? " and eventualReadOptions from ./client"
      : "; eventualReadOptions is in it";
  if (helper === "strongReadOptions")
    return files.operations ? "; import strongReadOptions from ./client once it exists" : "";
  return "";
}

function importsNote(input: GenerateInput, files: NodeFiles): string {
  const { design, d } = input;
  const modules = new Map<string, Set<string>>();
  const add = (domain: string, name: string) =>
    modules.set(domain, (modules.get(domain) ?? new Set()).add(name));
  add(design.domain, `${d.requestMessage}Schema`);
  if (design.response.kind === "shared") {
    const domain = SHARED_RESPONSES[design.response.name]?.domain ?? design.domain;
    add(domain, `type ${d.responseMessage}`);
    if (design.request.some((f) => f.repeated)) add(domain, `${d.responseMessage}Schema`);
  }
  const fields = [
    ...design.request,
    ...(design.response.kind === "new" ? design.response.fields : []),
  ];
  for (const f of fields.filter((f) => !isScalar(f.type)))
    add(KNOWN_MESSAGES[f.type] ?? design.domain, `type ${f.type}`);
  const lines = [...modules].map(
    ([domain, names]) =>
      `import { ${[...names].join(", ")} } from '${files.generated}${domain}_pb'`,
  );
  return (
    `Imports: ${lines.join("; ")}. Copy the generated path prefix from the file's other imports ` +
    "(checkouts differ: some nest personhog/personhog/). The file already imports create from " +
    `@bufbuild/protobuf${helperSource(readOptionsHelper(input), files)}.`
  );
}

function wrapperNotes(input: GenerateInput, files: NodeFiles): string[] {
  const { design, d } = input;
  const notes = [importsNote(input, files)];
  const fields = [
    ...design.request,
    ...(design.response.kind === "new" ? design.response.fields : []),
  ];
  if (fields.some((f) => f.type === "int64"))
    notes.push(
      "int64 is bigint in protobuf-es v2: callers pass numbers, the wrapper converts with BigInt() " +
        "and maps results back with Number(), exact below 2^53 as ids and counts are.",
    );
  const helper = readOptionsHelper(input);
  if (helper === "eventualReadOptions")
    notes.push(
      "readOptions asks for EVENTUAL: the client turns it into the x-read-consistency header, " +
        "which is all the router reads.",
    );
  if (helper === "strongReadOptions")
    notes.push(
      "client.ts only has eventualReadOptions(): add strongReadOptions() beside it, a ReadOptions " +
        "with ConsistencyLevel.STRONG, and export it." +
        (d.category === "PersonData"
          ? " Current code serves STRONG person reads only for GetPerson; the replica refuses " +
            "others with FAILED_PRECONDITION until the leader path is built for this RPC."
          : " A NonPersonData read stays on the replica service and reads the primary pool."),
    );
  const batch = design.request.find((f) => f.repeated);
  if (batch)
    notes.push(
      `An empty ${paramName(batch)} returns at once without a call. Existing wrappers also split ` +
        "large inputs (PERSONHOG_BATCH_SIZE: 100 for groups, 250 for persons); do so if callers " +
        "can pass more than the server accepts in one request.",
    );
  if (design.response.kind === "shared")
    notes.push(
      `${d.responseMessage} is returned as is; map it to the domain type as neighbouring ` +
        "methods do (e.g. protoGroupToDomain).",
    );
  if (d.route?.backend === "leader") {
    const missing = ["team_id", "person_id"].filter(
      (k) => !design.request.some((f) => f.name === k),
    );
    notes.push(
      "This call goes to the leader, which the router finds from x-team-id and x-person-id " +
        "headers: newer client.ts stamps them in resolvePersonRoutingKey(method, message); add " +
        "this method there and to its test, or the router answers INVALID_ARGUMENT." +
        (missing.length ? ` The request has no ${missing.join(" or ")} to take them from.` : ""),
    );
  }
  if (files.operations)
    notes.push(
      "Only needed if Node code calls the RPC; the SERVICE_DEFAULTS stub is needed anyway.",
    );
  else
    notes.push(
      "Newer checkouts keep no wrappers in client.ts (it only builds the operations classes): " +
        "see the current-code target. Seed-era wrappers took no callerTag; drop it if the " +
        "neighbouring methods do not send x-caller-tag.",
    );
  return notes;
}

/** SERVICE_DEFAULTS returns proto init shapes: bigint zeros, unset messages left out. */
function serviceDefaultCode({ design, d }: GenerateInput): string {
  const fields = design.response.kind === "new" ? design.response.fields : [];
  const members = fields
    .filter((f) => !mayBeUnset(f))
    .map((f) => {
      const zero = f.repeated ? "[]" : f.type === "int64" ? "0n" : ZERO[f.type];
      return `${tsProperty(f.name)}: ${zero}`;
    });
  return `${pad(1)}${d.camel}: () => (${members.length ? `{ ${members.join(", ")} }` : "{}"}),`;
}

function serviceDefaultNotes({ design }: GenerateInput, files: NodeFiles): string[] {
  const notes = [
    `Entries are grouped by domain, not sorted: put it next to the other ${design.domain} RPCs.`,
    files.operations
      ? "SERVICE_DEFAULTS is typed ServiceImpl<typeof PersonHogService>: after regenerating, " +
        "client.test.ts does not compile until this entry exists."
      : "The mock transport answers from SERVICE_DEFAULTS; without a stub, tests that reach the " +
        "new RPC fail.",
  ];
  if (design.response.kind === "shared")
    notes.push("An empty object is a valid response: unset fields read as their zero values.");
  return notes;
}

export const nodeSnippets: Generator = (input) => {
  const { d } = input;
  const files = nodeFiles(input);
  return [
    {
      id: "node-codegen",
      step: "clients",
      file: "(terminal)",
      language: "shell",
      anchor: "from the repository root, after the proto step",
      code: "cd nodejs && pnpm run generate:personhog-proto",
      notes: [
        "Runs buf with protoc-gen-es v2 (target=ts) over proto/personhog/service and " +
          "proto/personhog/types; replica and leader protos are not generated for Node.",
        `protobuf-es spells names in lowerCamel: the method is ${d.camel}, request fields are ` +
          "camelCase (team_id becomes teamId).",
        "Commit the regenerated files (nodejs/src/common/generated/ or nodejs/src/generated/, " +
          "depending on the checkout) with the change.",
      ],
    },
    {
      id: "node-wrapper",
      step: "clients",
      file: files.wrapper,
      language: "typescript",
      anchor: files.wrapperAnchor,
      code: wrapperCode(input),
      notes: wrapperNotes(input, files),
    },
    {
      id: "node-service-default",
      step: "clients",
      file: files.test,
      language: "typescript",
      anchor: "inside const SERVICE_DEFAULTS",
      code: serviceDefaultCode(input),
      notes: serviceDefaultNotes(input, files),
    },
  ] satisfies Snippet[];
};
