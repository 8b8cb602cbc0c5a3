/** `personhog-rpc generate`: a design file in, every snippet out (text or JSON). */
import { designProblems } from "../lib/design/rules";
import { generateSnippets } from "../lib/generate";
import { printProblems, readDesignArg } from "./design-input";
import type { Io } from "./io";

export async function generateCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length !== 1 || files[0]?.startsWith("--")) {
    io.stderr("generate takes one design file (or - for standard input) and optionally --json.\n");
    return 2;
  }
  const read = await readDesignArg(files[0] ?? "-", io);
  if (!read) return 2;
  const { design } = read;
  const rules = designProblems(design);
  printProblems(rules, io);
  const snippets = generateSnippets(design);
  if (json) io.stdout(`${JSON.stringify({ design, problems: rules, snippets }, null, 2)}\n`);
  else {
    for (const s of snippets) io.stdout(`=== ${s.file} · ${s.anchor}\n${s.code}\n\n`);
  }
  return rules.some((p) => p.severity === "error") ? 1 : 0;
}
