/** `personhog-rpc rules`: the rule registry, one rule a line with its severity. */
import { RULES } from "../lib/sql/rules";
import type { Io } from "./io";

export function rulesCommand(args: string[], io: Io): number {
  if (args.length > 0) {
    io.stderr("rules takes no arguments; it lists the rules the check applies.\n");
    return 2;
  }
  const lines = RULES.map((r) => `${r.id.padEnd(22)} ${r.severity.padEnd(7)} ${r.summary}`);
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}
