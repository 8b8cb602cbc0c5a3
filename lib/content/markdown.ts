/**
 * Guide pages are Markdown with a small front matter (`title`, `summary`, `order`, `step`) and
 * directives `<!-- generated: NAME key=value … -->`, replaced by blocks generated from lib/
 * (generated-blocks.ts). Rendered at build
 * time: headings get ids (deep links) and a table of contents, code blocks are highlighted and get
 * a copy button, so guide pages ship almost no JavaScript.
 */
import { Marked, Renderer, type Tokens } from "marked";
import { isStepId, type StepId } from "../design/steps";
import { highlight, type HighlightLanguage } from "../highlight/highlight";
import { GENERATED_BLOCKS, type DirectiveArgs } from "./generated-blocks";
import { sectionsOf, type Section } from "./sections";

export interface Heading {
  readonly id: string;
  readonly text: string;
  readonly depth: number;
}

export interface GuidePage {
  readonly title: string;
  readonly summary: string;
  /** Position in the guide's navigation (front matter `order:`); pages without one go last. */
  readonly order: number;
  /** The workbench step "Try it" opens, when the page has one. */
  readonly step: StepId | null;
  readonly headings: Heading[];
  readonly html: string;
  /** The page's text by section, for the search index. */
  readonly sections: Section[];
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const DIRECTIVE = /<!--\s*generated:\s*([a-z-]+)((?:\s+[a-z]+=[a-z0-9-]+)*)\s*-->/g;
const LANGUAGES: Readonly<Record<string, HighlightLanguage>> = {
  proto: "proto",
  python: "python",
  py: "python",
  ts: "typescript",
  typescript: "typescript",
  rust: "rust",
  sh: "shell",
  shell: "shell",
  sql: "sql",
};

export function readFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { meta: {}, body: source };
  const meta: Record<string, string> = {};
  for (const line of (match[1] ?? "").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { meta, body: source.slice(match[0].length) };
}

export interface Directive {
  /** As written in the page, `<!-- generated: … -->`. */
  readonly text: string;
  readonly name: string;
  readonly args: DirectiveArgs;
}

/** The directives a page's Markdown uses, in order. */
export function directivesOf(body: string): Directive[] {
  return [...body.matchAll(DIRECTIVE)].map((m) => ({
    text: m[0],
    name: m[1] ?? "",
    args: directiveArgs(m[2] ?? ""),
  }));
}

function directiveArgs(text: string): DirectiveArgs {
  const args: Record<string, string> = {};
  for (const pair of text.trim().split(/\s+/).filter(Boolean)) {
    const [key = "", value = ""] = pair.split("=");
    if (Object.hasOwn(args, key)) throw new Error(`Argument "${key}" given twice.`);
    args[key] = value;
  }
  return args;
}

export function expandDirectives(body: string): string {
  const expanded = body.replace(DIRECTIVE, (_, name: string, args: string) => {
    const block = GENERATED_BLOCKS[name];
    if (!block) throw new Error(`Unknown generated block "${name}" in guide content.`);
    return block(directiveArgs(args));
  });
  // A directive the pattern did not read (a typo in an argument) would vanish as a comment.
  const left = /<!--\s*generated:[^>]*-->/.exec(expanded);
  if (left) throw new Error(`Unreadable directive in guide content: ${left[0]}`);
  return expanded;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>|`/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function codeBlock(code: string, lang: string | undefined): string {
  const language = LANGUAGES[lang ?? ""];
  const body = language
    ? highlight(code, language)
        .map((t) =>
          t.kind === "plain"
            ? escapeHtml(t.text)
            : `<span class="tok-${t.kind}">${escapeHtml(t.text)}</span>`,
        )
        .join("")
    : escapeHtml(code);
  return `<div class="code-block"><button type="button" class="copy-code" data-copy-code>Copy</button><pre tabindex="0"><code>${body}</code></pre></div>`;
}

export function renderGuidePage(source: string): GuidePage {
  const { meta, body } = readFrontMatter(source);
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  const title = meta.title ?? "Untitled";
  const marked = new Marked({
    renderer: {
      // A wide table scrolls inside its own box (focusable, so keyboards can scroll it too).
      table(this: Renderer, token: Tokens.Table) {
        const under = headings.at(-1)?.text ?? title;
        return `<div class="table-scroll" role="region" tabindex="0" aria-label="Table: ${escapeHtml(under)}">${Renderer.prototype.table.call(this, token)}</div>\n`;
      },
      heading(
        this: { parser: { parseInline(tokens: Tokens.Generic[]): string } },
        token: Tokens.Heading,
      ) {
        const inner = this.parser.parseInline(token.tokens);
        const base = slugify(token.text) || "section";
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = n === 0 ? base : `${base}-${n}`;
        headings.push({ id, text: token.text.replace(/`/g, ""), depth: token.depth });
        return `<h${token.depth} id="${id}"><a href="#${id}" class="anchor">${inner}</a></h${token.depth}>\n`;
      },
      code(token: Tokens.Code) {
        return codeBlock(token.text, token.lang);
      },
    },
  });
  const expanded = expandDirectives(body);
  const html = marked.parse(expanded, { async: false });
  const order = Number(meta.order ?? Number.POSITIVE_INFINITY);
  const step = meta.step && isStepId(meta.step) ? meta.step : null;
  return {
    title,
    summary: meta.summary ?? "",
    order,
    step,
    headings,
    html,
    sections: sectionsOf(html, title),
  };
}
