import { describe, it } from "node:test";
import assert from "node:assert/strict";
import protobuf from "protobufjs";
import { protoSnippets, rpcLine } from "./proto";

describe("protoSnippets", () => {
  it("names the messages after the RPC and keeps service and replica lines identical", () => {
    const [messages, service, replica] = protoSnippets("GetPersonCount");
    assert.match(messages?.code ?? "", /message GetPersonCountRequest \{/);
    assert.match(messages?.code ?? "", /message GetPersonCountResponse \{/);
    assert.equal(service?.code, replica?.code);
    assert.equal(service?.code, rpcLine("GetPersonCount"));
  });

  it("produces proto that protobufjs parses and resolves", () => {
    const [messages, service] = protoSnippets("GetPersonCount");
    const source = [
      'syntax = "proto3";',
      "package personhog.types.v1;",
      messages?.code,
      `service PersonHogService { ${service?.code} }`,
    ].join("\n");
    const root = protobuf.parse(source, { keepCase: true }).root.resolveAll();
    const svc = root.lookupService("personhog.types.v1.PersonHogService");
    assert.equal(
      svc.methods.GetPersonCount?.requestType,
      "personhog.types.v1.GetPersonCountRequest",
    );
    assert.ok(root.lookupType("personhog.types.v1.GetPersonCountResponse"));
  });
});
