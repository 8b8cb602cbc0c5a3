/**
 * Adds names to a file's `use <module>::{…};` list the way rustfmt would leave it (edition 2021
 * defaults: max width 100, four-space indent, the "mixed" layout that fills each line), so a
 * checkout that passed `cargo fmt --check` still passes after apply. A file without the list gets
 * a `use` line after its last one.
 */
import { escapeRegExp } from "./anchors";

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
