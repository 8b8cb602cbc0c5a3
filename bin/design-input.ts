/**
 * The design a command is given (a file, or - for standard input): read within bounds, parsed
 * (lib/design/design-json.ts), validated, and every problem printed — warnings too, so nothing the
 * user wrote is dropped without a word.
 */
import { missingPersonWriteSideProblem, missingTargetProblem } from "../lib/design/default-target";
import { parseDesignJson } from "../lib/design/design-json";
import type { Design } from "../lib/design/model";
import type { Problem } from "../lib/design/problem";
import { validateDesign } from "../lib/design/validate";
import { InputError, MAX_INPUT_BYTES, type Io } from "./io";
import { readFileText } from "./read-input";

/** A file with thousands of unknown keys must not print thousands of lines. */
const MAX_SHOWN = 40;

async function readText(arg: string, io: Io): Promise<string> {
  if (arg !== "-") return readFileText(arg);
  const text = await io.readStdin();
  if (text.length > MAX_INPUT_BYTES)
    throw new InputError(`Standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB.`);
  return text;
}

export function printProblems(problems: readonly Problem[], io: Io): void {
  for (const p of problems.slice(0, MAX_SHOWN)) {
    const where = p.path && !p.message.includes(p.path) ? `${p.path}: ` : "";
    io.stderr(`${p.severity}: ${where}${p.message}${p.rule ? ` [${p.rule}]` : ""}\n`);
  }
  if (problems.length > MAX_SHOWN)
    io.stderr(`…and ${problems.length - MAX_SHOWN} more problems.\n`);
}

/** The design and its problems; null (with the reason printed) when it is unreadable or invalid. */
export async function readDesignArg(
  arg: string,
  io: Io,
): Promise<{ design: Design; problems: Problem[] } | null> {
  const parsed = parseDesignJson(await readText(arg, io), arg === "-" ? "Standard input" : arg);
  if ("error" in parsed) {
    io.stderr(`${parsed.error}\n`);
    return null;
  }
  const { design, problems } = validateDesign(parsed.value);
  const defaulted = [
    missingTargetProblem(parsed.value),
    missingPersonWriteSideProblem(parsed.value, design),
  ].filter((p) => p !== null);
  const all: Problem[] = [
    ...parsed.warnings.map((message) => ({ path: "", severity: "warning" as const, message })),
    ...defaulted,
    ...problems,
  ];
  printProblems(all, io);
  return all.some((p) => p.severity === "error") ? null : { design, problems: all };
}
