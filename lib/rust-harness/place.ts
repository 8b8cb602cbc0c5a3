/**
 * Pastes generated snippets into a skeleton of PostHog's repository the way a person following
 * each snippet's file and anchor would: inside the block the anchor names, at the end of the file,
 * in KNOWN_METHODS after the named neighbour, next to the named match arm. Then it adds the `use`
 * entries the snippets' notes ask for (the design's new proto messages and storage types) to the
 * files that mention them. An anchor the skeleton cannot find is an error, not a guess.
 */
import { RUST_PATHS } from "../catalogue/paths";
import { escapeRegExp, insertMessages, insertRpcLine } from "../apply/anchors";
import { addRustImports, addSnippetUses } from "../apply/rust-imports";
import { messageSectionOf, placementOf, rpcGroupOf } from "../generate/snippet-placement";
import type { Snippet } from "../generate/snippet";
import { matchingBrace } from "./scan";

/** Repository-relative path → file text. */
export type Tree = Map<string, string>;

/** `code` with every non-empty line indented by `n` spaces. */
export const indent = (code: string, n: number) =>
  code
    .split("\n")
    .map((l) => (l ? " ".repeat(n) + l : l))
    .join("\n");

function fileOf(tree: Tree, s: Snippet): string {
  const text = tree.get(s.file);
  if (text === undefined) throw new Error(`${s.id}: the skeleton has no ${s.file}`);
  return text;
}

/** Inserts `code` as the last item of the block opened by `header` (a whole-word match). */
function insertInBlock(text: string, header: string, code: string, step: number): string {
  const re = new RegExp(`${escapeRegExp(header)}(?![A-Za-z0-9_])[^;{]*\\{`, "g");
  const matches = [...text.matchAll(re)];
  if (matches.length !== 1)
    throw new Error(`${matches.length ? "more than one" : "no"} \`${header} {\` block`);
  const m = matches[0]!;
  const open = m.index + m[0].length - 1;
  const close = matchingBrace(text, open);
  const lineStart = text.lastIndexOf("\n", m.index) + 1;
  const depth = /^ */.exec(text.slice(lineStart))![0].length + step;
  const before = text.slice(0, close).replace(/\s*$/, "");
  const empty = before.endsWith("{");
  const closingIndent = " ".repeat(depth - step);
  return `${before}\n${empty ? "" : "\n"}${indent(code, depth)}\n${closingIndent}${text.slice(close)}`;
}

/** After `"Neighbour",` (or before it, when the name goes first) inside KNOWN_METHODS. */
function insertKnownMethod(text: string, s: Snippet): string {
  const start = text.indexOf("pub const KNOWN_METHODS");
  if (start < 0) throw new Error("no `pub const KNOWN_METHODS`");
  const end = text.indexOf("];", start);
  const m = /insert (after|first, before) "(\w+)"/.exec(s.anchor);
  if (!m) throw new Error(`cannot read the position in "${s.anchor}"`);
  const line = new RegExp(`^( *)"${m[2]}",\\n`, "m");
  const found = line.exec(text.slice(start, end));
  if (!found) throw new Error(`"${m[2]}" is not in KNOWN_METHODS`);
  const at = start + found.index + (m[1] === "after" ? found[0].length : 0);
  return `${text.slice(0, at)}${found[1]}${s.code.trim()}\n${text.slice(at)}`;
}

/** Before the arm the anchor names (`next to the "FencePerson" arm`), at its indentation. */
function insertMatchArm(text: string, s: Snippet): string {
  const m = /the "(\w+)" arm/.exec(s.anchor);
  if (!m) throw new Error(`cannot read the arm in "${s.anchor}"`);
  const arm = new RegExp(`^( *)"${m[1]}" =>`, "m").exec(text);
  if (!arm) throw new Error(`no "${m[1]}" arm`);
  return `${text.slice(0, arm.index)}${indent(s.code, arm[1]!.length)}\n${text.slice(arm.index)}`;
}

const structNames = (code: string) => [...code.matchAll(/\bpub struct (\w+)/g)].map((m) => m[1]!);

function placeOne(tree: Tree, s: Snippet): void {
  const text = fileOf(tree, s);
  const header = /inside `([^`]+)`/.exec(s.anchor)?.[1];
  let out: string;
  switch (placementOf(s.id)) {
    case "trait-item":
    case "impl-item":
      if (!header) throw new Error(`cannot read the block in "${s.anchor}"`);
      out = insertInBlock(text, header, s.code, 4);
      break;
    case "proto-rpc": {
      const service = /inside service (\w+)/.exec(s.anchor)?.[1];
      if (!service) throw new Error(`cannot read the service in "${s.anchor}"`);
      out =
        insertRpcLine(text, service, rpcGroupOf(s.anchor), s.code) ??
        insertInBlock(text, `service ${service}`, s.code, 2);
      break;
    }
    case "item":
      out = `${text.replace(/\s*$/, "")}\n\n${s.code}\n`;
      break;
    case "proto-message":
      out = insertMessages(text, messageSectionOf(s.anchor), s.code);
      break;
    case "storage-type": {
      out = `${text.replace(/\s*$/, "")}\n\n${s.code}\n`;
      const mod = tree.get(RUST_PATHS.replica.storageMod);
      if (mod === undefined)
        throw new Error(`the skeleton has no ${RUST_PATHS.replica.storageMod}`);
      const names = structNames(s.code);
      const reexport = /^pub use types::\{([^}]*)\};/m.exec(mod);
      if (!reexport)
        throw new Error(`${RUST_PATHS.replica.storageMod} has no \`pub use types::{…}\``);
      tree.set(RUST_PATHS.replica.storageMod, addRustImports(mod, "types", names));
      break;
    }
    case "known-method":
      out = insertKnownMethod(text, s);
      break;
    case "match-arm":
      out = insertMatchArm(text, s);
      break;
    default:
      throw new Error(`no placement for snippet ${s.id}: add it to snippet-placement.ts`);
  }
  tree.set(s.file, out);
}

/**
 * Places every snippet that has a placement (the others are for Python, Node or the terminal) and
 * returns one message per snippet that could not be placed.
 */
export function placeSnippets(tree: Tree, snippets: readonly Snippet[]): string[] {
  const errors: string[] = [];
  const placed: Snippet[] = [];
  for (const s of snippets) {
    if (s.language !== "rust" && s.language !== "proto") continue;
    try {
      placeOne(tree, s);
      placed.push(s);
    } catch (err) {
      errors.push(`${s.id} (${s.file}, ${s.anchor}): ${err instanceof Error ? err.message : err}`);
    }
  }
  for (const s of placed)
    if (s.language === "rust")
      tree.set(s.file, addSnippetUses(tree.get(s.file)!, s.file, s.code, placed));
  return errors;
}
