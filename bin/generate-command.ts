/** `personhog-rpc generate`: a design file in, every snippet out (text, JSON, or files by path). */
import { TARGET_LABELS } from "../lib/design/model";
import { designProblems } from "../lib/design/rules";
import { fragmentFolder } from "../lib/export/fragment-folder";
import { generateSnippets } from "../lib/generate";
import { printProblems, readDesignArg } from "./design-input";
import path from "node:path";
import type { Io } from "./io";
import { writeFolder } from "./write-folder";

const USAGE =
  "generate takes one design file (or - for standard input), and either --json or --out DIR (with --force to overwrite).\n";

interface Options {
  readonly file: string;
  readonly json: boolean;
  readonly out: string | null;
  readonly force: boolean;
}

function parseArgs(args: readonly string[]): Options | string {
  const files: string[] = [];
  let json = false;
  let force = false;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--force") force = true;
    else if (arg === "--out" || arg.startsWith("--out=")) {
      const value = arg === "--out" ? args[++i] : arg.slice("--out=".length);
      if (!value) return "--out needs a directory.\n";
      out = value;
    } else if (arg.startsWith("--")) return `Unknown option ${arg.slice(0, 40)}.\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length !== 1) return USAGE;
  if (json && out !== null) return "--json prints the snippets and --out writes them: pick one.\n";
  if (force && out === null) return "--force only goes with --out.\n";
  return { file: files[0]!, json, out, force };
}

export async function generateCommand(args: string[], io: Io): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === "string") {
    io.stderr(options);
    return 2;
  }
  const read = await readDesignArg(options.file, io);
  if (!read) return 2;
  const { design } = read;
  const rules = designProblems(design);
  printProblems(rules, io);
  const failed = rules.some((p) => p.severity === "error") ? 1 : 0;
  const snippets = generateSnippets(design);
  const layout = `Code layout: ${TARGET_LABELS[design.target]}.`;
  if (options.out !== null) {
    const files = fragmentFolder(design.rpcName, snippets, design.target);
    if (files.length === 0) {
      io.stderr("Nothing was written: there is no code for this design's RPC name.\n");
      return 1;
    }
    const written = await writeFolder(options.out, files, options.force);
    io.stdout(
      `Wrote ${written.length} files: fragments to paste, not whole files (the README says where each piece goes). ${layout}\n`,
    );
    for (const file of written) io.stdout(`  ${path.join(options.out, file)}\n`);
  } else if (options.json)
    io.stdout(`${JSON.stringify({ design, problems: rules, snippets }, null, 2)}\n`);
  else {
    io.stdout(`${layout}\n\n`);
    for (const s of snippets) io.stdout(`=== ${s.file} · ${s.anchor}\n${s.code}\n\n`);
  }
  return failed;
}
