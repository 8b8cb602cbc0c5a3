/**
 * Guide pages are Markdown with a small front matter (`title:`, `summary:`) and directives of the
 * form `<!-- generated: NAME -->`, replaced by tables generated from lib/. Rendered at build time.
 */
import { marked } from "marked";
import { GENERATED_TABLES } from "./reference-tables";

export interface GuidePage {
  readonly title: string;
  readonly summary: string;
  /** Position in the guide's navigation (front matter `order:`); pages without one go last. */
  readonly order: number;
  readonly html: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const DIRECTIVE = /<!--\s*generated:\s*([a-z-]+)\s*-->/g;

function readFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { meta: {}, body: source };
  const meta: Record<string, string> = {};
  for (const line of (match[1] ?? "").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { meta, body: source.slice(match[0].length) };
}

export function expandDirectives(body: string): string {
  return body.replace(DIRECTIVE, (_, name: string) => {
    const table = GENERATED_TABLES[name];
    if (!table) throw new Error(`Unknown generated table "${name}" in guide content.`);
    return table();
  });
}

export function renderGuidePage(source: string): GuidePage {
  const { meta, body } = readFrontMatter(source);
  const html = marked.parse(expandDirectives(body), { async: false });
  const order = Number(meta.order ?? Number.POSITIVE_INFINITY);
  return { title: meta.title ?? "Untitled", summary: meta.summary ?? "", order, html };
}
