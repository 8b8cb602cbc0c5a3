/**
 * Lands a design's snippets in the texts of a checkout's files: every anchor is found first (any
 * missing one refuses the whole change), each snippet is classed as already there, absent, or
 * clashing (its declaration's name is there with a different body), and only then are the absent
 * ones inserted. Pure: file texts in, new texts and problems out; bin/apply-command.ts does the
 * reading, writing and parsing.
 */
import { EXISTING_RPCS, rpcEarlierKin, rpcGroupMembers } from "../catalogue/existing-rpcs";
import { lowerCamel, snakeCase } from "../catalogue/naming";
import { RUST_PATHS } from "../catalogue/paths";
import { isPseudoFile, type Snippet } from "../generate/snippet";
import { messageSectionOf, rpcGroupOf } from "../generate/snippet-placement";
import { addRustImports, addSnippetUses } from "./rust-imports";
import { addTsImports } from "./ts-imports";
import {
  afterMembers,
  anchorKind,
  appendToBlock,
  braceBlock,
  byteOrderBreak,
  dedent,
  escapeRegExp,
  helpersStart,
  indentLines,
  insertAfterMember,
  insertBeforeHeading,
  insertMessages,
  insertRpcLine,
  knownMethods,
  methodMatch,
  namedSection,
  pythonClass,
  pythonImportBlock,
  pythonSections,
  rustSections,
  type AnchorKind,
  type EntryNames,
  type Region,
  type Section,
} from "./anchors";

/** Repository-relative path → file text. */
export type FileTexts = ReadonlyMap<string, string>;

export const STORAGE_MOD = RUST_PATHS.replica.storageMod;

export interface ApplyOutcome {
  /** Why nothing may be written: a missing file or anchor, a name that exists with another shape. */
  readonly problems: readonly string[];
  /** The files whose text changes, with their new text. */
  readonly changed: ReadonlyMap<string, string>;
  /** Snippet ids inserted, and those already in place. */
  readonly added: readonly string[];
  readonly present: readonly string[];
}

/** Every file the design's snippets name: the only files apply reads or writes. */
export function filesNamed(snippets: readonly Snippet[]): string[] {
  const files = new Set<string>();
  for (const s of snippets) {
    if (isPseudoFile(s.file)) continue;
    files.add(s.file);
    if (anchorKind(s) === "rust-storage-type") files.add(STORAGE_MOD);
  }
  return [...files].sort();
}

type Status = "absent" | "present" | "clash";

interface Rule {
  /** The region the declaration lives in, or what was looked for and not found. */
  region(text: string, s: Snippet): Region | string;
  /** The declaration's name as it would appear (the rpc line, the fn, the def), for clashes. */
  key(s: Snippet): RegExp | null;
  /** `group`: the design's rpc group (`// Cohort membership`), which also names its sections. */
  insert(text: string, s: Snippet, group: string | null): string;
}

const quoted = (anchor: string, re: RegExp, what: string): string => {
  const m = re.exec(anchor);
  if (!m) throw new Error(`cannot read ${what} in the anchor "${anchor}"`);
  return m[1]!;
};
const blockHeader = (s: Snippet) => quoted(s.anchor, /inside `([^`]+)`/, "the block");
const serviceName = (s: Snippet) => quoted(s.anchor, /inside service (\w+)/, "the service");
const className = (s: Snippet) => quoted(s.anchor, /(?:in|inside) class (\w+)/, "the class");
const constName = (s: Snippet) => quoted(s.anchor, /inside const (\w+)/, "the const");
const importModule = (s: Snippet) =>
  quoted(s.anchor, /"from ([\w.]+) import \(/, "the import block");

const whole = (text: string): Region => ({ start: 0, end: text.length });
const appendToFile = (text: string, code: string) =>
  `${text.replace(/\s*$/, "")}\n\n${dedent(code)}\n`;
const names = (code: string, re: RegExp) => [...code.matchAll(re)].map((m) => m[1]!);
const anyOf = (words: readonly string[], wrap: (w: string) => string) =>
  words.length ? new RegExp(words.map((w) => wrap(escapeRegExp(w))).join("|"), "m") : null;
/** client.py imports the messages its wrappers name from the package's re-exports. */
const CLIENT_IMPORTS = "posthog.personhog_client.proto";

const IMPORT_BLOCKS = /^from ([\w.]+) import \(\n[\s\S]*?^\)\n?/gm;

/**
 * Whether `module` is a types module the re-exports do not import yet while they import its
 * siblings (a domain's first re-export): its block is then added, not looked for.
 */
const isNewDomainBlock = (text: string, module: string) =>
  /\.types\.v1\.\w+_pb2$/.test(module) &&
  typeof pythonImportBlock(text, module) === "string" &&
  [...text.matchAll(IMPORT_BLOCKS)].some((m) => m[1]!.startsWith(module.replace(/\w+$/, "")));

/** An empty block for a new domain, among its siblings in module order (common_pb2 stays first). */
function addImportBlock(text: string, module: string): string {
  const siblings = [...text.matchAll(IMPORT_BLOCKS)].filter(
    (m) => m[1]!.startsWith(module.replace(/\w+$/, "")) && !m[1]!.endsWith(".common_pb2"),
  );
  const next = siblings.find((m) => m[1]! > module);
  const last = siblings.at(-1) ?? [...text.matchAll(IMPORT_BLOCKS)].at(-1)!;
  const at = next ? next.index : last.index + last[0].length;
  return `${text.slice(0, at)}from ${module} import (\n)\n${text.slice(at)}`;
}

/** Adds each name missing from a `from <module> import (…)` block at its case-insensitive place. */
function addPythonImports(text: string, module: string, wanted: readonly string[]): string {
  let out = isNewDomainBlock(text, module) ? addImportBlock(text, module) : text;
  for (const name of new Set(wanted)) {
    const block = must(pythonImportBlock(out, module));
    const body = out.slice(block.start, block.end);
    if (new RegExp(`^\\s*${name},`, "m").test(body)) continue;
    const lines = body ? body.replace(/\n$/, "").split("\n") : [];
    const at = lines.findIndex(
      (l) => l.trim().replace(/,$/, "").toLowerCase() > name.toLowerCase(),
    );
    const indent = /^( *)\w/m.exec(body)?.[1] ?? "    ";
    lines.splice(at < 0 ? lines.length : at, 0, `${indent}${name},`);
    out = `${out.slice(0, block.start)}${lines.join("\n")}\n${out.slice(block.end)}`;
  }
  return out;
}

const firstFn = (code: string) => /\bfn (\w+)/.exec(code)?.[1];

function must<T>(found: T | string): T {
  if (typeof found === "string") throw new Error(found);
  return found;
}

/** Where a declaration of the design's rpc group may go in a block, and how to append it last. */
interface GroupPlace {
  readonly block: Region;
  /** The indentation of the block's entries, and of the code placed. */
  readonly indent: number;
  readonly code: string;
  readonly sections: readonly Section[];
  readonly names: EntryNames;
  /** Whether the block keeps a blank line between entries (when nothing follows to tell). */
  readonly blank: boolean;
  readonly append: () => string;
}

const NAMES = {
  rpc: { entry: "rpc (\\w+)", of: (rpc: string) => rpc, prefix: false },
  fn: { entry: "(?:pub )?(?:async )?fn (\\w+)", of: snakeCase, prefix: false },
  test: {
    entry: "(?:async )?fn (\\w+)",
    of: (rpc: string) => `test_${snakeCase(rpc)}`,
    prefix: true,
  },
  def: { entry: "def (\\w+)", of: snakeCase, prefix: false },
  key: { entry: "(\\w+)\\s*:", of: lowerCamel, prefix: false },
} satisfies Record<string, EntryNames>;

/**
 * A declaration placed among its rpc group's: last in the section whose heading names the group,
 * else just after the group's RPCs already in the block (RPC_GROUPS: a heading in the file's own
 * words, or a list with none), else after the RPCs of its domain's groups listed before it (a
 * checkout without the group's RPCs yet), else before a trailing helpers section, else last.
 */
function joinGroup(text: string, place: GroupPlace, group: string | null): string {
  const { code, indent, sections } = place;
  const named = namedSection(sections, group);
  if (named)
    return named.end === null ? place.append() : insertBeforeHeading(text, named.end, code, indent);
  const region = { ...place.block, indent };
  const member =
    afterMembers(text, region, rpcGroupMembers(group), EXISTING_RPCS, place.names) ??
    afterMembers(text, region, rpcEarlierKin(group), EXISTING_RPCS, place.names);
  if (member) return insertAfterMember(text, member, code, indent, place.blank);
  const helpers = helpersStart(sections);
  return helpers === null ? place.append() : insertBeforeHeading(text, helpers, code, indent);
}

/** The rpc name a proto rpc line, KNOWN_METHODS entry or match arm declares. */
const rpcOf = (code: string) => /(?:rpc |")(\w+)/.exec(code)?.[1] ?? "";

const RULES: Readonly<Record<AnchorKind, Rule>> = {
  "proto-message": {
    region: (text) =>
      /^package personhog\.types\.v1;/m.test(text) ? whole(text) : "`package personhog.types.v1;`",
    key: (s) => anyOf(names(s.code, /^message (\w+)/gm), (n) => `^message ${n}\\s*\\{`),
    insert: (text, s) => insertMessages(text, messageSectionOf(s.anchor), s.code),
  },
  "proto-rpc": {
    region: (text, s) => braceBlock(text, `service ${serviceName(s)}`),
    key: (s) => new RegExp(`^\\s*rpc ${rpcOf(s.code)}\\s*\\(`, "m"),
    // The group's heading as this file words it (the anchor's), else after the group's rpc lines.
    insert: (text, s, group) => {
      const placed = insertRpcLine(text, serviceName(s), rpcGroupOf(s.anchor), s.code);
      if (placed !== null) return placed;
      const block = must(braceBlock(text, `service ${serviceName(s)}`));
      const append = () => appendToBlock(text, block, s.code, 2, false);
      const place = { block, indent: block.indent + 2, code: s.code.trim(), sections: [], append };
      return joinGroup(text, { ...place, names: NAMES.rpc, blank: false }, group);
    },
  },
  "rust-block-item": {
    region: (text, s) => braceBlock(text, blockHeader(s)),
    key: (s) => anyOf([firstFn(s.code) ?? ""].filter(Boolean), (n) => `\\bfn ${n}\\b`),
    insert: (text, s, group) => {
      const block = must(braceBlock(text, blockHeader(s)));
      const sections = rustSections(text, block.start, block.end);
      const append = () => appendToBlock(text, block, s.code, 4, true);
      const place = { block, indent: block.indent + 4, code: s.code, sections, append };
      return joinGroup(text, { ...place, names: NAMES.fn, blank: true }, group);
    },
  },
  "rust-item": {
    region: whole,
    key: (s) => anyOf(names(s.code, /\bfn (\w+)/g), (n) => `\\bfn ${n}\\b`),
    // A test file's tests, by their rpc group's heading or the tests of its RPCs.
    insert: (text, s, group) => {
      const code = dedent(s.code);
      const append = () => appendToFile(text, code);
      const sections = rustSections(text, 0, text.length);
      const place = { block: whole(text), indent: 0, code, sections, append };
      return joinGroup(text, { ...place, names: NAMES.test, blank: true }, group);
    },
  },
  "rust-storage-type": {
    region: whole,
    key: (s) => anyOf(names(s.code, /\bpub struct (\w+)/g), (n) => `\\bpub struct ${n}\\b`),
    insert: (text, s) => appendToFile(text, s.code),
  },
  "known-method": {
    region: (text) => {
      const known = knownMethods(text);
      if (typeof known === "string") return known;
      const broken = byteOrderBreak(known.names);
      if (broken)
        return `KNOWN_METHODS in byte order (it has "${broken[0]}" before "${broken[1]}")`;
      return known.region;
    },
    key: (s) => new RegExp(`"${rpcOf(s.code)}"`),
    // At the name's byte-order place in the checkout's own list, whatever neighbour the snippet names.
    insert: (text, s) => {
      const known = must(knownMethods(text));
      const name = rpcOf(s.code);
      const next = known.names.find((n) => n > name);
      const body = text.slice(known.region.start, known.region.end);
      const at = next
        ? known.region.start + body.search(new RegExp(`^ *"${next}"`, "m"))
        : known.region.start + body.replace(/\s*$/, "").length + 1;
      return `${text.slice(0, at)}${" ".repeat(known.indent)}"${name}",\n${text.slice(at)}`;
    },
  },
  "match-arm": {
    region: methodMatch,
    key: (s) => new RegExp(`^\\s*"${rpcOf(s.code)}"\\s*=>`, "m"),
    // Before the arm the snippet names, else before the `_` arm.
    insert: (text, s) => {
      const block = must(methodMatch(text));
      const body = text.slice(block.start, block.end);
      const neighbour = /the "(\w+)" arm/.exec(s.anchor)?.[1];
      const arm =
        (neighbour && new RegExp(`^( *)"${neighbour}" =>`, "m").exec(body)) ||
        /^( *)_ =>/m.exec(body);
      if (!arm) throw new Error("no arm to insert before");
      const at = block.start + arm.index;
      return `${text.slice(0, at)}${indentLines(dedent(s.code), arm[1]!.length)}\n${text.slice(at)}`;
    },
  },
  "python-import-block": {
    region: (text, s) =>
      isNewDomainBlock(text, importModule(s))
        ? { start: 0, end: 0 }
        : pythonImportBlock(text, importModule(s)),
    key: () => null,
    insert: (text, s) => addPythonImports(text, importModule(s), names(s.code, /(\w+),?/g)),
  },
  "python-class-method": {
    region: (text, s) => {
      const cls = pythonClass(text, className(s));
      const imports = s.id === "python-client-method" && pythonImportBlock(text, CLIENT_IMPORTS);
      return typeof imports === "string" ? imports : cls;
    },
    key: (s) => anyOf(names(s.code, /\bdef (\w+)/g), (n) => `^\\s*def ${n}\\s*\\(`),
    insert: (text, s, group) => {
      const cls = must(pythonClass(text, className(s)));
      const indent = cls.indent + 4;
      const code = dedent(s.code);
      const sections = pythonSections(text, cls.start, cls.end, indent);
      const append = () =>
        `${text.slice(0, cls.end)}\n\n${indentLines(code, indent)}${text.slice(cls.end)}`;
      const out = joinGroup(
        text,
        { block: cls, indent, code, sections, append, names: NAMES.def, blank: true },
        group,
      );
      if (s.id !== "python-client-method") return out;
      return addPythonImports(
        out,
        CLIENT_IMPORTS,
        names(s.code, /\b([A-Z]\w*(?:Request|Response))\b/g),
      );
    },
  },
  "ts-class-method": {
    region: (text, s) => braceBlock(text, `class ${className(s)}`),
    key: (s) =>
      anyOf(
        names(dedent(s.code), /^(?:async )?(\w+)\s*\(/gm),
        (n) => `^\\s*(?:async )?${n}\\s*\\(`,
      ),
    // The file gets the imports the wrapper needs too.
    insert: (text, s) =>
      (s.imports ?? []).reduce(
        addTsImports,
        appendToBlock(
          text,
          must(braceBlock(text, `class ${className(s)}`)),
          dedent(s.code),
          4,
          true,
        ),
      ),
  },
  "ts-object-entry": {
    region: (text, s) => braceBlock(text, `const ${constName(s)}`),
    key: (s) => anyOf(names(dedent(s.code), /^(\w+):/gm), (n) => `^\\s*${n}\\s*:`),
    // The object has no headings: after the entries of the RPC's group.
    insert: (text, s, group) => {
      const block = must(braceBlock(text, `const ${constName(s)}`));
      const code = dedent(s.code);
      const append = () => appendToBlock(text, block, code, 4, false);
      const place = { block, indent: block.indent + 4, code, sections: [], append };
      return joinGroup(text, { ...place, names: NAMES.key, blank: false }, group);
    },
  },
};

/** Lines without their indentation, blank ones dropped: what "the same code" means here. */
const normal = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function containsLines(haystack: string, needle: string): boolean {
  const h = normal(haystack);
  const n = normal(needle);
  if (!n.length) return true;
  outer: for (let i = 0; i + n.length <= h.length; i++) {
    for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

function statusOf(kind: AnchorKind, region: string, s: Snippet): Status {
  if (kind === "python-import-block") {
    const wanted = names(s.code, /(\w+),?/g);
    return wanted.every((n) => new RegExp(`^\\s*${n}\\b`, "m").test(region)) ? "present" : "absent";
  }
  if (containsLines(region, s.code)) return "present";
  const key = RULES[kind].key(s);
  return key?.test(region) ? "clash" : "absent";
}

/**
 * Finds every anchor in `texts` (which must hold every file `filesNamed` lists; a missing one is a
 * problem), then inserts what is absent. Problems mean nothing is changed.
 */
export function applySnippets(texts: FileTexts, snippets: readonly Snippet[]): ApplyOutcome {
  const problems: string[] = [];
  const todo: { s: Snippet; kind: AnchorKind }[] = [];
  const present: string[] = [];
  for (const s of snippets) {
    if (isPseudoFile(s.file) || s.language === "shell" || s.language === "markdown") continue;
    const text = texts.get(s.file);
    if (text === undefined) {
      problems.push(`${s.file}: the file is not in the checkout (for ${s.id})`);
      continue;
    }
    const kind = anchorKind(s);
    if (!kind) {
      problems.push(`${s.file}: apply has no anchor rule for snippet ${s.id}`);
      continue;
    }
    let region: Region | string;
    try {
      region = RULES[kind].region(text, s);
    } catch (err) {
      region = err instanceof Error ? err.message : String(err);
    }
    if (typeof region === "string") {
      const found = /^(?:no|more than one) /.test(region);
      problems.push(
        `${s.file}: ${found ? `found ${region}` : `looked for ${region}, not found`} (for ${s.id})`,
      );
      continue;
    }
    if (kind === "rust-storage-type") {
      const mod = texts.get(STORAGE_MOD);
      if (mod === undefined || !/^pub use types::\{[^}]*\};/m.test(mod))
        problems.push(
          `${STORAGE_MOD}: looked for \`pub use types::{…};\` (for ${s.id}), not found`,
        );
    }
    const status = statusOf(kind, text.slice(region.start, region.end), s);
    if (status === "clash")
      problems.push(
        `${s.file}: ${s.id} declares a name that is already there with a different body; apply never duplicates a declaration, so change the design's name or remove the old one`,
      );
    else if (status === "present") present.push(s.id);
    else todo.push({ s, kind });
  }
  if (problems.length) return { problems, changed: new Map(), added: [], present };

  const group = snippets.map((s) => rpcGroupOf(s.anchor)).find((g) => g !== null) ?? null;
  const out = new Map<string, string>();
  const textOf = (file: string) => out.get(file) ?? texts.get(file)!;
  for (const { s, kind } of todo) {
    let text = RULES[kind].insert(textOf(s.file), s, group);
    if (s.language === "rust") text = addSnippetUses(text, s.file, s.code, snippets);
    out.set(s.file, text);
    if (kind === "rust-storage-type")
      out.set(
        STORAGE_MOD,
        addRustImports(textOf(STORAGE_MOD), "types", names(s.code, /\bpub struct (\w+)/g)),
      );
  }
  const changed = new Map([...out].filter(([file, text]) => texts.get(file) !== text));
  return { problems: [], changed, added: todo.map((t) => t.s.id), present };
}
