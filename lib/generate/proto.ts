/** Proto messages and the rpc line for a new RPC. */
import type { Snippet } from "./snippet";

const TYPES_PACKAGE = "personhog.types.v1";

export function rpcLine(name: string): string {
  return `rpc ${name}(${TYPES_PACKAGE}.${name}Request) returns (${TYPES_PACKAGE}.${name}Response);`;
}

export function protoSnippets(name: string, domain = "person"): Snippet[] {
  const messages = [`message ${name}Request {`, "}", "", `message ${name}Response {`, "}"].join(
    "\n",
  );
  return [
    {
      id: "proto-messages",
      file: `proto/personhog/types/v1/${domain}.proto`,
      language: "proto",
      anchor: "append to the file",
      code: messages,
    },
    {
      id: "proto-service-rpc",
      file: "proto/personhog/service/v1/service.proto",
      language: "proto",
      anchor: "inside service PersonHogService",
      code: rpcLine(name),
    },
    {
      id: "proto-replica-rpc",
      file: "proto/personhog/replica/v1/replica.proto",
      language: "proto",
      anchor: "inside service PersonHogReplica (identical to service.proto)",
      code: rpcLine(name),
    },
  ];
}
