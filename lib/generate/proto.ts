/**
 * Step 1: the request/response messages in the domain file and the identical `rpc` lines.
 * Field numbers follow declaration order from 1; `read_options` is appended last on reads.
 */
import { PROTO_PATHS } from "../catalogue/paths";
import type { Design, FieldDesign } from "../design/model";
import type { GenerateInput, Generator } from "./context";
import { commentText } from "./escape/comment";
import { protoComment } from "./escape/proto";
import type { Snippet } from "./snippet";

const TYPES_PACKAGE = "personhog.types.v1";

export function rpcLine(rpc: string, request: string, response: string): string {
  return `rpc ${rpc}(${TYPES_PACKAGE}.${request}) returns (${TYPES_PACKAGE}.${response});`;
}

function fieldLine(f: FieldDesign, number: number): string {
  const label = f.repeated ? "repeated " : f.optional ? "optional " : "";
  const comment = commentText(f.comment) ? `  ${protoComment(f.comment)}` : "";
  return `  ${label}${f.type} ${f.name} = ${number};${comment}`;
}

export function messageText(
  name: string,
  fields: readonly FieldDesign[],
  doc: string,
  readOptions = false,
): string {
  const lines = fields.map((f, i) => fieldLine(f, i + 1));
  if (readOptions) lines.push(`  ReadOptions read_options = ${fields.length + 1};`);
  return [protoComment(doc), `message ${name} {`, ...lines, "}"].join("\n");
}

export function requestMessage(design: Design, name: string): string {
  const doc = `${name} ${design.operation === "read" ? "reads" : "writes"} ${design.tables.join(", ") || "personhog data"}.`;
  return messageText(name, design.request, doc, design.operation === "read" && design.readOptions);
}

/** Which service files declare the rpc line for this design and target. */
export function serviceFiles({ design, d }: GenerateInput): { file: string; service: string }[] {
  const service = { file: PROTO_PATHS.service, service: "PersonHogService" };
  const replica = { file: PROTO_PATHS.replica, service: "PersonHogReplica" };
  const leader = { file: PROTO_PATHS.leader, service: "PersonHogLeader" };
  if (!d.leaderWrite) return [service, replica];
  // The guide keeps service and replica identical and adds the leader; current code leaves
  // leader-only writes out of the replica service.
  return design.target === "guide" ? [service, replica, leader] : [service, leader];
}

export const protoSnippets: Generator = (input) => {
  const { design, d } = input;
  const messages = [requestMessage(design, d.requestMessage)];
  if (design.response.kind === "new") {
    messages.push(
      messageText(
        d.responseMessage,
        design.response.fields,
        `${d.responseMessage} answers ${d.rpc}.`,
      ),
    );
  }
  const line = rpcLine(d.rpc, d.requestMessage, d.responseMessage);
  const out: Snippet[] = [
    {
      id: "proto-messages",
      step: "proto",
      file: PROTO_PATHS.types(design.domain),
      language: "proto",
      anchor: "append after the last message of the file",
      code: messages.join("\n\n"),
      notes:
        design.response.kind === "shared"
          ? [`${d.responseMessage} already exists; it is reused, not redeclared.`]
          : [],
    },
  ];
  for (const target of serviceFiles(input)) {
    out.push({
      id: `proto-rpc-${target.service.replace("PersonHog", "").toLowerCase()}`,
      step: "proto",
      file: target.file,
      language: "proto",
      anchor: `inside service ${target.service}, one rpc per line`,
      code: line,
      notes: [
        "The line must be identical in every service file: the router forwards requests unchanged.",
      ],
    });
  }
  return out;
};
