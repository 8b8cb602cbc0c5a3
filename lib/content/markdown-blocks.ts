/** Small Markdown builders shared by the generated blocks. Input is our own catalogue text. */

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

/** `A` · `A` and `B` · `A`, `B` and `C`: names as inline code in a sentence. */
export function codeList(names: readonly string[]): string {
  const coded = names.map((n) => `\`${n}\``);
  if (coded.length <= 1) return coded.join("");
  return `${coded.slice(0, -1).join(", ")} and ${coded.at(-1)}`;
}

/** A fenced block whose fence is longer than any backtick run inside the code. */
export function fencedBlock(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}
