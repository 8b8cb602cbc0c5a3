/**
 * Adds names to a file's `use <module>::{…};` list the way rustfmt would leave it (edition 2021
 * defaults: max width 100, four-space indent, the "mixed" layout that fills each line), so a
 * checkout that passed `cargo fmt --check` still passes after apply. A file without the list gets
 * a `use` line after its last one.
 */
import { RUST_CRATES } from "../catalogue/paths";
import type { Snippet } from "../generate/snippet";
import { anchorKind, escapeRegExp } from "./anchors";

const MAX_WIDTH = 100;

/** rustfmt's layout of one `use` list: one line when it fits, else filled lines of four-space indent. */
export function formatUseList(head: string, items: readonly string[]): string {
  const oneLine = `${head}{${items.join(", ")}};`;
  if (oneLine.length <= MAX_WIDTH) return oneLine;
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line} ${item},` : `    ${item},`;
    // rustfmt keeps a filled line one short of the width (its budget counts the separator).
    if (line && next.length >= MAX_WIDTH) {
      lines.push(line);
      line = `    ${item},`;
    } else line = next;
  }
  lines.push(line);
  return `${head}{\n${lines.join("\n")}\n};`;
}

/** `names` added to the `use <module>::{…}` list (sorted as rustfmt sorts), or a new `use` line. */
export function addRustImports(text: string, module: string, names: readonly string[]): string {
  const uses = [...text.matchAll(/^(?:pub )?use [^;]+;/gm)];
  const missing = names.filter((n) => !uses.some((u) => new RegExp(`\\b${n}\\b`).test(u[0])));
  if (!missing.length) return text;
  const list = new RegExp(`^((?:pub )?use ${escapeRegExp(module)}::)\\{([^}]*)\\};`, "m").exec(
    text,
  );
  if (list) {
    const existing = list[2]!
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    const all = [...new Set([...existing, ...missing])].sort((a, b) => (a < b ? -1 : 1));
    const at = list.index + list[0].length;
    return `${text.slice(0, list.index)}${formatUseList(list[1]!, all)}${text.slice(at)}`;
  }
  const single = new RegExp(`^((?:pub )?use ${escapeRegExp(module)}::)(\\w+);`, "m").exec(text);
  if (single) {
    const all = [single[2]!, ...missing].sort((a, b) => (a < b ? -1 : 1));
    const at = single.index + single[0].length;
    return `${text.slice(0, single.index)}${formatUseList(single[1]!, all)}${text.slice(at)}`;
  }
  const last = uses.at(-1);
  const lines = missing
    .sort((a, b) => (a < b ? -1 : 1))
    .map((n) => `use ${module}::${n};`)
    .join("\n");
  if (!last) return `${lines}\n${text}`;
  const at = last.index + last[0].length;
  return `${text.slice(0, at)}\n${lines}${text.slice(at)}`;
}

const PROTO_MODULE = "personhog_proto::personhog::types::v1";

const names = (code: string, re: RegExp) => [...code.matchAll(re)].map((m) => m[1]!);

/** The design's proto messages: declared by its proto snippets, or named by their full path. */
const messageNames = (snippets: readonly Snippet[]) =>
  new Set(
    snippets
      .filter((s) => s.language === "proto")
      .flatMap((s) => [
        ...names(s.code, /^message (\w+)/gm),
        ...names(s.code, /personhog\.types\.v1\.(\w+)/g),
      ]),
  );

/** Where a file of the replica crate imports storage types from; null outside it. */
function storageTypesModule(file: string): string | null {
  if (file.startsWith(`${RUST_CRATES.replica}/src/`)) return "crate::storage::types";
  if (file.startsWith(`${RUST_CRATES.replica}/tests/`)) return "personhog_replica::storage";
  return null;
}

/**
 * `text` (the file `code` was inserted into) with the `use` entries that code needs: the design's
 * proto messages and new storage types it mentions. Both apply and the compile harness use it.
 */
export function addSnippetUses(
  text: string,
  file: string,
  code: string,
  snippets: readonly Snippet[],
): string {
  const mentioned = (set: Set<string>) =>
    [...set].filter((n) => new RegExp(`\\b${n}\\b`).test(code));
  let out = addRustImports(text, PROTO_MODULE, mentioned(messageNames(snippets)));
  const storageTypes = snippets.filter((s) => anchorKind(s) === "rust-storage-type");
  const types = new Set(storageTypes.flatMap((s) => names(s.code, /\bpub struct (\w+)/g)));
  const typesModule = storageTypesModule(file);
  if (typesModule && !storageTypes.some((t) => t.file === file))
    out = addRustImports(out, typesModule, mentioned(types));
  return out;
}
