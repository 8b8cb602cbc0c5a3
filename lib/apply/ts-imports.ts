/**
 * Adds the names a Node wrapper's note asks for to the file's own imports, in the shape the real
 * files keep (prettier, 4-space indent, width 120, names in ASCII order as PostHog's import sorter
 * leaves them): into the value import from the same generated module when there is one, else as a
 * new import whose generated-path prefix is the file's own (checkouts differ: some nest
 * `personhog/personhog/`).
 */
const WIDTH = 120;
const IMPORT = /^import (type )?\{([^}]*)\} from '([^']+)'\n/gm;

/** Every `import { A, type B } from '…'` a Node snippet's notes ask for: the line, module and names. */
export function noteImportLines(notes: readonly string[]) {
  return notes.flatMap((n) =>
    [...n.matchAll(/import \{([^}]*)\} from '([^']*)'/g)].map((m) => ({
      line: m[0],
      from: m[2]!,
      names: m[1]!
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    })),
  );
}

/** Those of generated modules (`…/types/v1/x_pb`), which apply adds: module tail and names. */
export function noteImports(notes: readonly string[]): { tail: string; names: string[] }[] {
  return noteImportLines(notes).flatMap(({ from, names }) => {
    const tail = /(?:types|service)\/v1\/\w+_pb$/.exec(from)?.[0];
    return tail ? [{ tail, names }] : [];
  });
}

const bare = (item: string) => item.replace(/^type\s+/, "");

function formatImport(items: readonly string[], from: string, multiline: boolean): string {
  const one = `import { ${items.join(", ")} } from '${from}'\n`;
  if (!multiline && one.length - 1 <= WIDTH) return one;
  return `import {\n${items.map((i) => `    ${i},\n`).join("")}} from '${from}'\n`;
}

/** `text` importing `names` from the generated module ending in `tail`. */
export function addTsImports(text: string, tail: string, names: readonly string[]): string {
  const imports = [...text.matchAll(IMPORT)];
  const missing = names.filter(
    (n) => !imports.some((m) => m[2]!.split(",").some((i) => bare(i.trim()) === bare(n))),
  );
  if (!missing.length) return text;
  const same = imports.find((m) => !m[1] && m[3]!.endsWith(`/${tail}`));
  if (same) {
    const items = [
      ...same[2]!
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      ...missing,
    ];
    items.sort((a, b) => (bare(a) < bare(b) ? -1 : 1));
    const block = formatImport(items, same[3]!, same[2]!.includes("\n"));
    return text.slice(0, same.index) + block + text.slice(same.index + same[0].length);
  }
  const service = imports.find((m) => /service\/v1\/service_pb$/.test(m[3]!));
  const from = service ? service[3]!.replace(/service\/v1\/service_pb$/, tail) : `./${tail}`;
  const after =
    imports.filter((m) => service && m[3]!.startsWith(from.slice(0, -tail.length))).pop() ??
    imports.pop();
  const at = after ? after.index + after[0].length : 0;
  return text.slice(0, at) + formatImport(missing, from, false) + text.slice(at);
}
