/**
 * Code on the guide's pages that the generators write: a snippet of a known design, for either
 * layout, rendered at build time as a fenced block (highlighted like any other). The guide never
 * carries a hand-made copy of generated code, so the two cannot disagree.
 */
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { TARGETS, type Design, type Target } from "../design/model";
import { generateSnippets } from "../generate";
import { isPseudoFile, type Snippet } from "../generate/snippet";
import { fencedBlock } from "./markdown-blocks";

export type DirectiveArgs = Readonly<Record<string, string>>;

/** Designs a page may name: the worked example, and every fixture by its name without the target. */
function namedDesigns(): Map<string, Design> {
  const designs = new Map<string, Design>([["worked-example", WORKED_EXAMPLE]]);
  for (const [key, design] of Object.entries(DESIGN_FIXTURES))
    designs.set(key.replace(/-(guide|current)$/, ""), design);
  return designs;
}

const DESIGNS = namedDesigns();
const generated = new Map<string, Snippet[]>();

function argsOf(args: DirectiveArgs, allowed: readonly string[], directive: string) {
  for (const key of Object.keys(args))
    if (!allowed.includes(key)) throw new Error(`${directive}: unknown argument "${key}".`);
}

function designOf(args: DirectiveArgs, directive: string): Design {
  const design = DESIGNS.get(args.design ?? "");
  if (!design)
    throw new Error(
      `${directive}: unknown design "${args.design ?? ""}" (known: ${[...DESIGNS.keys()].join(", ")}).`,
    );
  return design;
}

function targetOf(args: DirectiveArgs, directive: string): Target {
  const target = TARGETS.find((t) => t === args.target);
  if (!target) throw new Error(`${directive}: target must be one of ${TARGETS.join(", ")}.`);
  return target;
}

/** The snippets of a named design for a layout, generated once per build. */
export function designSnippets(name: string, target: Target): Snippet[] {
  const key = `${name}/${target}`;
  const cached = generated.get(key);
  if (cached) return cached;
  const design = designOf({ design: name }, "snippet");
  const snippets = generateSnippets({ ...design, target });
  generated.set(key, snippets);
  return snippets;
}

/**
 * `snippet design=NAME target=guide|current id=SNIPPET_ID [caption=none]`: the generated code,
 * after a line saying which file it goes in and where (unless caption=none).
 */
export function snippetBlock(args: DirectiveArgs): string {
  argsOf(args, ["design", "target", "id", "caption"], "snippet");
  designOf(args, "snippet");
  const target = targetOf(args, "snippet");
  const snippets = designSnippets(args.design ?? "", target);
  const snippet = snippets.find((s) => s.id === args.id);
  if (!snippet)
    throw new Error(
      `snippet: no snippet "${args.id ?? ""}" for ${args.design} (${target}); it has ${snippets.map((s) => s.id).join(", ")}.`,
    );
  const block = fencedBlock(snippet.code, snippet.language);
  if (args.caption === "none") return block;
  const where = isPseudoFile(snippet.file)
    ? snippet.anchor.charAt(0).toUpperCase() + snippet.anchor.slice(1)
    : `In \`${snippet.file}\`, ${snippet.anchor}`;
  return `${where}:\n\n${block}`;
}

/** `design-sql design=NAME`: the design's SQL, as the SQL lab checks it. */
export function designSqlBlock(args: DirectiveArgs): string {
  argsOf(args, ["design"], "design-sql");
  return fencedBlock(designOf(args, "design-sql").sql, "sql");
}
