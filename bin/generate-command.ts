/** `personhog-rpc generate`: a design file in, every snippet out (text or JSON). */
import { readFile } from "node:fs/promises";
import { designProblems } from "../lib/design/rules";
import { validateDesign } from "../lib/design/validate";
import { generateSnippets } from "../lib/generate";
import type { Io } from "./io";

export async function readJsonArg(
  arg: string,
  io: Io,
): Promise<{ value: unknown } | { error: string }> {
  let text: string;
  try {
    text = arg === "-" ? await io.readStdin() : await readFile(arg, "utf8");
  } catch (err) {
    return { error: `cannot read ${arg}: ${(err as Error).message}` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: `${arg} is not JSON: ${(err as Error).message}` };
  }
}

export async function generateCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length !== 1 || files[0]?.startsWith("--")) {
    io.stderr("generate takes one design file (or - for standard input) and optionally --json.\n");
    return 2;
  }
  const input = await readJsonArg(files[0] ?? "-", io);
  if ("error" in input) {
    io.stderr(`${input.error}\n`);
    return 2;
  }
  const { design, problems } = validateDesign(input.value);
  if (problems.some((p) => p.severity === "error")) {
    for (const p of problems)
      io.stderr(`${p.severity}: ${p.path ? `${p.path}: ` : ""}${p.message}\n`);
    return 2;
  }
  const rules = designProblems(design);
  for (const p of rules) io.stderr(`${p.severity}: ${p.message}${p.rule ? ` [${p.rule}]` : ""}\n`);
  const snippets = generateSnippets(design);
  if (json) io.stdout(`${JSON.stringify({ design, problems: rules, snippets }, null, 2)}\n`);
  else {
    for (const s of snippets) io.stdout(`=== ${s.file} · ${s.anchor}\n${s.code}\n\n`);
  }
  return rules.some((p) => p.severity === "error") ? 1 : 0;
}
