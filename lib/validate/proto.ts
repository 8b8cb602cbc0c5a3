/**
 * Parses generated proto with protobufjs against the stand-in personhog package, in the browser
 * and in Node. Returns every problem as a message; never throws.
 */
import protobuf from "protobufjs";
import { STAND_IN_ENUMS, STAND_IN_MESSAGES } from "./personhog-stand-in";

export interface ProtoCheck {
  readonly ok: boolean;
  readonly errors: string[];
}

const MESSAGE_NAME = /^\s*message\s+([A-Za-z_][A-Za-z0-9_]*)/gm;

/** Messages and rpc lines, as generated, checked in one file of package personhog.types.v1. */
export function checkProto(messages: string, rpcLine: string): ProtoCheck {
  const declared = new Set([...messages.matchAll(MESSAGE_NAME)].map((m) => m[1]));
  const errors: string[] = [];
  for (const name of declared) {
    if (name && Object.hasOwn(STAND_IN_MESSAGES, name))
      errors.push(`${name} already exists in personhog's protos.`);
  }
  const standIn = Object.entries(STAND_IN_MESSAGES)
    .filter(([name]) => !declared.has(name))
    .map(([, text]) => text);
  const source = [
    'syntax = "proto3";',
    "package personhog.types.v1;",
    STAND_IN_ENUMS,
    ...standIn,
    messages,
    `service PersonHogService {\n  ${rpcLine}\n}`,
  ].join("\n");
  try {
    const root = protobuf.parse(source, { keepCase: true }).root;
    root.resolveAll();
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
  }
  return { ok: errors.length === 0, errors };
}
