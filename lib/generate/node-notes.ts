/**
 * What to watch out for around the Node snippets: the imports the wrapper needs, int64 as
 * bigint, the read-options helper, batches, shared responses, leader routing headers.
 */
import type { GenerateInput } from "./context";
import type { NodeFiles } from "./node";
import { tsParam } from "../escape/typescript";
import { generatedImports } from "./node-imports";
import { converterOf, readOptionsHelper, returnedFields } from "./node-values";

/** Where the read-options helper comes from in the wrapper's file, as a sentence tail. */
const HELPER_SOURCE: Readonly<Record<string, string>> = {
  eventualReadOptions: " and eventualReadOptions from ./client",
  strongReadOptions: "; import strongReadOptions from ./client once it exists",
};

function importsNote(input: GenerateInput, files: NodeFiles): string {
  const lines = generatedImports(input, files).map(
    ({ from, names }) => `import { ${names.join(", ")} } from '${from}'`,
  );
  const helper = readOptionsHelper(input);
  return `Imports: ${lines.join("; ")}. Copy the generated path prefix from the file's other imports (checkouts differ: some nest personhog/personhog/). The file already imports create from @bufbuild/protobuf${helper ? HELPER_SOURCE[helper] : ""}.`;
}

export function wrapperNotes(input: GenerateInput, files: NodeFiles) {
  const { design, d } = input;
  const helper = readOptionsHelper(input);
  const file = d.domain.nodeOps.file;
  const returned = returnedFields(design, file);
  const converters = [...new Set(returned?.flatMap((f) => converterOf(f.type, file) ?? []))];
  const batch = design.request.find((f) => f.repeated);
  const missingKeys = ["team_id", "person_id"].filter(
    (k) => !design.request.some((f) => f.name === k),
  );
  return [
    importsNote(input, files),
    [...design.request, ...(returned ?? [])].some((f) => f.type === "int64") &&
      "int64 is bigint in protobuf-es v2: callers pass numbers, the wrapper converts with BigInt() and maps results back with Number(), exact below 2^53 as ids and counts are.",
    helper === "eventualReadOptions" &&
      "readOptions asks for EVENTUAL: the client turns it into the x-read-consistency header, which is all the router reads.",
    helper === "strongReadOptions" &&
      "client.ts only has eventualReadOptions(): add strongReadOptions() beside it, a ReadOptions with ConsistencyLevel.STRONG, and export it." +
        (d.category === "PersonData"
          ? " Current code serves STRONG person reads only for GetPerson; the replica refuses others with FAILED_PRECONDITION until the leader path is built for this RPC."
          : " A NonPersonData read stays on the replica service and reads the primary pool."),
    batch &&
      `An empty ${tsParam(batch.name)} returns at once without a call. Existing wrappers also split large inputs (PERSONHOG_BATCH_SIZE: 100 for groups, 250 for persons); do so if callers can pass more than the server accepts in one request.`,
    converters.length > 0 &&
      `The result is mapped with ${converters.map((c) => `${c.fn} (to ${c.type})`).join(" and ")}, which the file already defines for its other wrappers.`,
    !returned &&
      `${d.responseMessage} is returned as is; map it to the domain type as neighbouring methods do.`,
    d.route?.backend === "leader" &&
      "This call goes to the leader, which the router finds from x-team-id and x-person-id headers: newer client.ts stamps them in resolvePersonRoutingKey(method, message); add this method there and to its test, or the router answers INVALID_ARGUMENT." +
        (missingKeys.length
          ? ` The request has no ${missingKeys.join(" or ")} to take them from.`
          : ""),
    files.guideLayout &&
      "The written guide says to add the wrapper to client.ts, but there PersonHogClient keeps the generated client in a constructor local and only builds the operations classes (it has no this.client): the wrapper goes in the operations class beside it, with the other wrappers. Seed-era wrappers took no callerTag; drop it if the neighbouring methods do not send x-caller-tag.",
    "Only needed if Node code calls the RPC; the SERVICE_DEFAULTS stub is needed anyway.",
  ];
}

/** `lists`: the stub spells out a shared response's repeated fields. */
export const serviceDefaultNotes = ({ design }: GenerateInput, lists: boolean) => [
  `Entries are grouped by domain, not sorted: put it next to the other ${design.domain} RPCs.`,
  "SERVICE_DEFAULTS is typed ServiceImpl<typeof PersonHogService>: after regenerating, client.test.ts does not compile until this entry exists.",
  design.response.kind === "shared" &&
    (lists
      ? "Its lists are spelled out empty, as the other stubs spell theirs; other fields read as their zero values."
      : "An empty object is a valid response: unset fields read as their zero values."),
];
