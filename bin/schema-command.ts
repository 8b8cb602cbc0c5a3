/** `personhog-rpc schema`: the design's JSON Schema, for agents and editors that write designs. */
import { designJsonSchema } from "../lib/design/json-schema";
import type { Io } from "./io";

export function schemaCommand(args: string[], io: Io): number {
  if (args.length > 0) {
    io.stderr("schema takes no arguments; it prints the design's JSON Schema.\n");
    return 2;
  }
  io.stdout(`${JSON.stringify(designJsonSchema(), null, 2)}\n`);
  return 0;
}
