/**
 * Where each kind of snippet goes in a PostHog checkout, and how to tell whether it is already
 * there: the one place `apply` learns its anchors, one rule per file kind. Each rule finds its
 * region in the file's text (a proto service, a Rust trait or impl, KNOWN_METHODS, a Python class
 * or import block, a TypeScript class or object literal), says what the declaration's key is (the
 * rpc line, the `fn`, the `def`, the method name), and inserts the snippet there. A region the
 * text lacks is a problem naming what was looked for; nothing is guessed.
 */
import { placementOf, type MessageSection } from "../generate/snippet-placement";
import type { Snippet } from "../generate/snippet";
import { matchingBrace } from "../rust-harness/scan";

export type AnchorKind =
  | "proto-message"
  | "proto-rpc"
  | "rust-block-item"
  | "rust-item"
  | "rust-storage-type"
  | "known-method"
  | "match-arm"
  | "python-import-block"
  | "python-class-method"
  | "ts-class-method"
  | "ts-object-entry";

/** The anchor kind of a snippet that lands in a file, or null when apply has no rule for it. */
export function anchorKind(s: Snippet): AnchorKind | null {
  switch (s.id) {
    case "python-reexports":
      return "python-import-block";
    case "python-client-method":
    case "python-fake-method":
      return "python-class-method";
    case "node-wrapper":
      return "ts-class-method";
    case "node-service-default":
      return "ts-object-entry";
  }
  switch (placementOf(s.id)) {
    case "proto-message":
      return "proto-message";
    case "proto-rpc":
      return "proto-rpc";
    case "trait-item":
    case "impl-item":
      return "rust-block-item";
    case "item":
      return "rust-item";
    case "storage-type":
      return "rust-storage-type";
    case "known-method":
      return "known-method";
    case "match-arm":
      return "match-arm";
    default:
      return null;
  }
}

/** A region of a file: the text between `start` and `end` holds the declarations to compare. */
export interface Region {
  readonly start: number;
  readonly end: number;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const indentLines = (code: string, n: number) =>
  code
    .split("\n")
    .map((l) => (l.trim() ? " ".repeat(n) + l : ""))
    .join("\n");

/** The code with its common leading indentation removed and trailing blank lines dropped. */
export function dedent(code: string): string {
  const lines = code.replace(/\s+$/, "").split("\n");
  const widths = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = widths.length ? Math.min(...widths) : 0;
  return lines
    .map((l) => l.slice(cut))
    .join("\n")
    .replace(/^\n+/, "");
}

const indentAt = (text: string, at: number) => {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return /^ */.exec(text.slice(lineStart))![0].length;
};

/** The `{…}` block opened after `header` (a whole-word match); exactly one must exist. */
export function braceBlock(
  text: string,
  header: string,
): (Region & { open: number; indent: number }) | string {
  const re = new RegExp(`${escapeRegExp(header)}(?![A-Za-z0-9_])[^;{]*\\{`, "g");
  const matches = [...text.matchAll(re)];
  if (matches.length !== 1)
    return `${matches.length ? "more than one" : "no"} \`${header} {…}\` block`;
  const m = matches[0]!;
  const open = m.index + m[0].length - 1;
  try {
    const close = matchingBrace(text, open);
    return { start: open + 1, end: close, open, indent: indentAt(text, m.index) };
  } catch {
    return `the \`${header} {\` block never closes`;
  }
}

/** Inserts `code` (unindented) as the last entry of the brace block, `step` deeper than its header. */
export function appendToBlock(
  text: string,
  block: Region & { indent: number },
  code: string,
  step: number,
  blankBefore: boolean,
): string {
  const before = text.slice(0, block.end).replace(/\s*$/, "");
  const gap = before.endsWith("{") || before.endsWith("[") || !blankBefore ? "\n" : "\n\n";
  return `${before}${gap}${indentLines(code, block.indent + step)}\n${" ".repeat(block.indent)}${text.slice(block.end)}`;
}

/** A Python class's body: from the line after `class X…:` to its last indented line. */
export function pythonClass(text: string, name: string): (Region & { indent: number }) | string {
  const re = new RegExp(`^( *)class ${escapeRegExp(name)}\\b[^\\n]*:[ \\t]*$`, "gm");
  const matches = [...text.matchAll(re)];
  if (matches.length !== 1) return `${matches.length ? "more than one" : "no"} \`class ${name}\``;
  const m = matches[0]!;
  const indent = m[1]!.length;
  const bodyStart = m.index + m[0].length + 1;
  let end = bodyStart;
  let at = bodyStart;
  while (at < text.length) {
    const nl = text.indexOf("\n", at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd);
    if (line.trim()) {
      if (/^ */.exec(line)![0].length <= indent) break;
      end = lineEnd;
    }
    at = lineEnd + 1;
  }
  return { start: bodyStart, end, indent };
}

/** `from <module> import (` … `)`: the names between the parentheses. */
export function pythonImportBlock(text: string, module: string): Region | string {
  const re = new RegExp(`^from ${escapeRegExp(module)} import \\(\\n`, "gm");
  const matches = [...text.matchAll(re)];
  if (matches.length !== 1)
    return `${matches.length ? "more than one" : "no"} \`from ${module} import (…)\` block`;
  const start = matches[0]!.index + matches[0]![0].length;
  const close = /^\)/m.exec(text.slice(start));
  if (!close) return `the \`from ${module} import (\` block never closes`;
  return { start, end: start + close.index };
}

/** The entries of `pub const KNOWN_METHODS: &[&str] = &[ … ];`, in file order. */
export function knownMethods(
  text: string,
): { region: Region; names: string[]; indent: number } | string {
  const head = /pub const KNOWN_METHODS\s*:[^=]*=\s*&\[/.exec(text);
  if (!head) return "no `pub const KNOWN_METHODS: &[&str] = &[…];`";
  const start = head.index + head[0].length;
  const end = text.indexOf("];", start);
  if (end < 0) return "`KNOWN_METHODS` never closes with `];`";
  const body = text.slice(start, end);
  const names = [...body.matchAll(/"(\w+)"/g)].map((m) => m[1]!);
  const indent = /\n( *)"/.exec(body)?.[1]?.length ?? 4;
  return { region: { start, end }, names, indent };
}

/** Whether names are in byte order (what `binary_search` needs), or the first pair that is not. */
export function byteOrderBreak(names: readonly string[]): [string, string] | null {
  for (let i = 1; i < names.length; i++)
    if (!(names[i - 1]! < names[i]!)) return [names[i - 1]!, names[i]!];
  return null;
}

/** `match method_name {` in the raw proxy: the arms between its braces. */
export function methodMatch(text: string): (Region & { indent: number }) | string {
  return braceBlock(text, "match method_name");
}

// Words that split a domain's reads from its writes: a heading that differs from a group only by
// one of them ("Group writes" for "Groups") names another group.
const OPERATION_WORDS = new Set(["write", "delete", "update", "create", "insert", "upsert"]);

/** A heading's words, lowercased and singular, without a `(…)` or ` - …` suffix. */
const headingWords = (heading: string) =>
  heading
    .replace(/\s*(?:\(| - ).*$/, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.replace(/s$/, ""));

/**
 * How well a comment heading names a group, as the real files word them differently from file to
 * file: 0 the same words (any case, plural or not, any `(…)` or ` - …` suffix), 1 the heading is the group's
 * first words (replica.proto's "Person lookups" for "Person lookups by ID"), 2 the group is the
 * heading's first words ("… override support" for "… overrides", "… by ID/UUID" for "… by ID");
 * null for another group.
 */
export function headingFit(heading: string, group: string): 0 | 1 | 2 | null {
  const h = headingWords(heading);
  const g = headingWords(group);
  if (!h.length || !g.length) return null;
  const n = Math.min(h.length, g.length);
  for (let i = 0; i < n; i++) if (h[i] !== g[i]) return null;
  const extra = (h.length > g.length ? h : g).slice(n);
  if (extra.some((w) => OPERATION_WORDS.has(w))) return null;
  return h.length === g.length ? 0 : h.length < g.length ? 1 : 2;
}

/** The heading that names `group`: the closest fit, which must be the only one of its fit. */
export function headingFor<T>(items: readonly T[], title: (t: T) => string, group: string) {
  for (const fit of [0, 1, 2]) {
    const hits = items.filter((item) => headingFit(title(item), group) === fit);
    if (fit === 0 && hits.length) return hits[0]!;
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return null;
  }
  return null;
}

/**
 * Where an rpc line goes in a service block: after the last rpc of the group whose `// Heading`
 * comment (one opening a paragraph) names `group` (`headingFit`), a group running until a blank
 * line before the next comment; at the end of the block when the file has no such group. Returns
 * the offset to insert the line after, or a problem.
 */
export function rpcLinePosition(
  text: string,
  service: string,
  group: string | null,
): { at: number; indent: number } | null | string {
  const block = braceBlock(text, `service ${service}`);
  if (typeof block === "string") return block;
  if (!group) return null;
  const body = text.slice(block.start, block.end);
  const headings = [...body.matchAll(/^( *)\/\/ ?([^\n]*)$/gm)].filter((m) => {
    const before = body.slice(0, m.index).replace(/[ \t]*$/, "");
    return before.endsWith("\n\n") || !before.trim();
  });
  const heading = headingFor(headings, (m) => m[2]!, group);
  if (!heading) return null;
  let at = heading.index + heading[0].length;
  let pos = at + 1;
  while (pos < body.length) {
    const nl = body.indexOf("\n", pos);
    const end = nl < 0 ? body.length : nl;
    const line = body.slice(pos, end).trim();
    if (!line) {
      const next = /^\s*(\S{2})/.exec(body.slice(end));
      if (!next || next[1] === "//" || next[1] === "}") break;
    } else if (line.startsWith("rpc ")) {
      const semi = body.indexOf(";", pos);
      if (semi < 0) break;
      at = body.indexOf("\n", semi);
      if (at < 0) at = body.length;
      pos = at + 1;
      continue;
    }
    pos = end + 1;
  }
  return { at: block.start + at, indent: heading[1]!.length };
}

/** The text with the rpc line placed by `rpcLinePosition`, or null when it is to go last. */
export function insertRpcLine(
  text: string,
  service: string,
  group: string | null,
  code: string,
): string | null {
  const pos = rpcLinePosition(text, service, group);
  if (typeof pos === "string") throw new Error(pos);
  if (!pos) return null;
  return `${text.slice(0, pos.at)}\n${indentLines(code.trim(), pos.indent)}${text.slice(pos.at)}`;
}

/** A top-level message or enum of a proto file, with the comment lines right above it. */
interface ProtoBlock {
  readonly name: string;
  readonly start: number;
  /** Just past the closing brace. */
  readonly end: number;
  readonly readOptions: boolean;
}

/** `// ====` / `// Title` / `// ====`: a section banner, where it starts and ends. */
function protoBanners(text: string): { title: string; start: number; end: number }[] {
  return [...text.matchAll(/^\/\/ ?={3,}[ \t]*\n\/\/ ?([^\n=][^\n]*)\n\/\/ ?={3,}[ \t]*$/gm)].map(
    (m) => ({ title: m[1]!.trim(), start: m.index, end: m.index + m[0].length }),
  );
}

function protoBlocks(text: string): ProtoBlock[] {
  return [...text.matchAll(/^(?:message|enum) (\w+)[^{\n]*\{/gm)].map((m) => {
    const end = matchingBrace(text, m.index + m[0].length - 1) + 1;
    let start = m.index;
    for (;;) {
      const prev = text.lastIndexOf("\n", start - 2) + 1;
      const line = text.slice(prev, start - 1);
      if (start === 0 || !line.startsWith("//") || /^\/\/ ?={3,}/.test(line)) break;
      start = prev;
    }
    const body = text.slice(m.index, end);
    return { name: m[1]!, start, end, readOptions: /\bReadOptions\s+read_options\b/.test(body) };
  });
}

/**
 * The offset new messages go after, for the section the anchor names (`messageSectionAnchor`):
 * reads after the last read request of their kin (else of any kind) and the responses that follow
 * it, before the first banner;
 * a write at the end of its banner's section, or of the file.
 */
export function messagePosition(text: string, section: MessageSection): number {
  const banners = protoBanners(text);
  const blocks = protoBlocks(text);
  const endOf = (from: number, to: number, fallback: number) =>
    blocks.filter((b) => b.start >= from && b.end <= to).pop()?.end ?? fallback;
  const fileEnd = text.replace(/\s*$/, "").length;
  if (section.kind === "writes") {
    const i = section.banner ? banners.findIndex((b) => b.title === section.banner) : -1;
    if (i < 0) return fileEnd;
    const banner = banners[i]!;
    return endOf(banner.end, banners[i + 1]?.start ?? text.length, banner.end);
  }
  const limit = banners[0]?.start ?? text.length;
  const before = blocks.filter((b) => b.end <= limit);
  const kin = section.kin;
  const isKin = (b: ProtoBlock) => !kin || b.name.includes(kin.word) === kin.has;
  let last = before.findLastIndex((b) => b.readOptions && isKin(b));
  if (last < 0) last = before.findLastIndex((b) => b.readOptions);
  if (last < 0) return endOf(0, limit, fileEnd);
  while (before[last + 1] && !before[last + 1]!.name.endsWith("Request")) last++;
  return before[last]!.end;
}

/** The messages placed at their section's position, a blank line either side. */
export function insertMessages(text: string, section: MessageSection, code: string): string {
  const at = messagePosition(text, section);
  const after = text.slice(at);
  return `${text.slice(0, at)}\n\n${code.trim()}${after.trim() ? after : "\n"}`;
}

/** A titled section inside a class or impl: where its heading line starts, and its title. */
export interface Section {
  readonly start: number;
  readonly title: string;
}

/**
 * Section headings of a Rust block between `from` and `to`: `// ====` / `// Title` / `// ====`
 * banners, and a lone `// Title` line with a blank line on each side (the typed router's service).
 */
export function rustSections(text: string, from: number, to: number): Section[] {
  const body = text.slice(from, to);
  const banners = /^( *)\/\/ ?={3,}[ \t]*\n *\/\/ ?([^\n=][^\n]*)\n *\/\/ ?={3,}[ \t]*$/gm;
  const lone = /(?<=\n[ \t]*\n|^\n)( *)\/\/ ([^/!\n][^\n]*)\n[ \t]*\n/g;
  return [...body.matchAll(banners), ...body.matchAll(lone)]
    .map((m) => ({ start: from + m.index, title: m[2]!.trim() }))
    .sort((a, b) => a.start - b.start);
}

/** `# -- Title --` or `# ── Title ──` section comments at `indent` between `from` and `to`. */
export function pythonSections(text: string, from: number, to: number, indent: number): Section[] {
  const re = new RegExp(
    `^ {${indent}}# (?:-{2,}|─{2,}) *([^\\n]*?) *(?:-{2,}|─{2,})?[ \\t]*$`,
    "gm",
  );
  return [...text.slice(from, to).matchAll(re)]
    .filter((m) => /\w/.test(m[1]!))
    .map((m) => ({ start: from + m.index, title: m[1]!.trim() }));
}

/** Where a section ends: the heading of the section after it, or null for the block's last. */
const sectionEnd = (sections: readonly Section[], section: Section) =>
  sections[sections.indexOf(section) + 1]?.start ?? null;

/** The section `group` names (`headingFor`): a declaration of the group goes last in it. */
export function namedSection(sections: readonly Section[], group: string | null) {
  const named = group ? headingFor(sections, (s) => s.title, group) : null;
  return named && { end: sectionEnd(sections, named) };
}

/** A trailing helpers section (a fake keeps its assertion helpers last): new methods go before it. */
export function helpersStart(sections: readonly Section[]): number | null {
  const last = sections.at(-1);
  return last && /\bhelpers?\b/i.test(last.title) ? last.start : null;
}

/** `code` indented to `indent` as its own paragraph just before the heading line at `at`. */
export function insertBeforeHeading(
  text: string,
  at: number,
  code: string,
  indent: number,
): string {
  const head = text.slice(0, at).replace(/\s*$/, "");
  return `${head}\n\n${indentLines(code, indent)}\n\n${text.slice(at)}`;
}

const lineIndent = (line: string) => /^ */.exec(line)![0].length;

/**
 * Where the declaration whose first line starts at `lineStart` ends: that line, the lines indented
 * deeper, and the closing lines at its own indentation (`) -> Result<…> {`, `}`, `}),`), so a
 * Rust fn, a Python def, an object entry or an rpc line alike.
 */
export function declarationEnd(text: string, lineStart: number): number {
  const indent = lineIndent(text.slice(lineStart));
  let end = text.indexOf("\n", lineStart);
  if (end < 0) return text.length;
  for (let at = end + 1; at < text.length;) {
    const nl = text.indexOf("\n", at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd);
    if (line.trim()) {
      const deeper = lineIndent(line) > indent;
      if (!deeper && !(lineIndent(line) === indent && /^\s*[)}\]]/.test(line))) break;
      end = lineEnd;
    }
    at = lineEnd + 1;
  }
  return end;
}

/** How a block's entries are named after the RPC whose code they are. */
export interface EntryNames {
  /** An entry's first line after its indentation, capturing its name (`(?:async )?fn (\\w+)`). */
  readonly entry: string;
  /** The name of an RPC's entry (`get_group`, `getGroup`, `test_get_group`). */
  readonly of: (rpc: string) => string;
  /** Names may go on past it (`test_get_group_not_found`): the longest RPC name wins. */
  readonly prefix: boolean;
}

/**
 * Where a new RPC joins the ones already in its group (`RPC_GROUPS`) inside a region: the end of
 * the last entry at `indent` that is the code of one of `members` (an rpc line, a `fn`, a `def`,
 * an object key, a test), each entry owned by the RPC of `rpcs` its name spells. How PostHog places
 * a new entry in a list with no headings (SERVICE_DEFAULTS), and the section a file heads in its
 * own words ("Feature Flag support"). Null when the region holds none of them.
 */
export function afterMembers(
  text: string,
  region: Region & { indent: number },
  members: readonly string[],
  rpcs: readonly string[],
  names: EntryNames,
): { end: number } | null {
  if (!members.length) return null;
  const spelled = rpcs
    .map((rpc) => ({ rpc, name: names.of(rpc) }))
    .sort((a, b) => b.name.length - a.name.length);
  const owner = (name: string) =>
    spelled.find((s) => name === s.name || (names.prefix && name.startsWith(`${s.name}_`)))?.rpc;
  const entries = new RegExp(`^ {${region.indent}}${names.entry}`, "gm");
  const body = text.slice(region.start, region.end);
  const last = [...body.matchAll(entries)].filter((m) => members.includes(owner(m[1]!)!)).pop();
  if (!last) return null;
  return { end: Math.min(declarationEnd(text, region.start + last.index), region.end) };
}

/**
 * `code` indented to `indent` just after the declaration `afterMembers` found, as far from it as
 * the next entry is (a blank line between entries, or none); `blank` when nothing follows it.
 */
export function insertAfterMember(
  text: string,
  member: { end: number },
  code: string,
  indent: number,
  blank: boolean,
): string {
  const after = text.slice(member.end);
  const gap = /^\s*[)}\]]/.test(after) ? blank : /^\n[ \t]*\n/.test(after);
  return `${text.slice(0, member.end)}${gap ? "\n\n" : "\n"}${indentLines(code, indent)}${after}`;
}
