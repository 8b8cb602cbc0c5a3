/**
 * Adds the imports a snippet lists (`Snippet.imports`) to the file's own, in the shape the real
 * files keep (prettier, 4-space indent, width 120, names in ASCII order as PostHog's import sorter
 * leaves them): into the value import from the same module when there is one, else as a new
 * import; a generated module's takes the file's own path prefix (checkouts differ: some nest
 * `personhog/personhog/`).
 */
import type { TsImport } from "../generate/snippet";

const WIDTH = 120;
const IMPORT = /^import (type )?\{([^}]*)\} from '([^']+)'\n/gm;

const bare = (item: string) => item.replace(/^type\s+/, "");

function formatImport(items: readonly string[], from: string, multiline: boolean): string {
  const one = `import { ${items.join(", ")} } from '${from}'\n`;
  if (!multiline && one.length - 1 <= WIDTH) return one;
  return `import {\n${items.map((i) => `    ${i},\n`).join("")}} from '${from}'\n`;
}

/** The path a generated module ends in (`types/v1/person_pb`): checkouts differ before it. */
const generatedTail = (from: string) => /(?:types|service)\/v1\/\w+_pb$/.exec(from)?.[0];

/**
 * `text` importing what `wanted` names that it lacks: into its value import from the same module,
 * else as a new import after the last one (a generated module's at the file's own prefix).
 */
export function addTsImports(text: string, wanted: TsImport): string {
  const imports = [...text.matchAll(IMPORT)];
  const missing = wanted.names.filter(
    (n) => !imports.some((m) => m[2]!.split(",").some((i) => bare(i.trim()) === bare(n))),
  );
  if (!missing.length) return text;
  const tail = generatedTail(wanted.from);
  const sameModule = (from: string) => (tail ? from.endsWith(`/${tail}`) : from === wanted.from);
  const same = imports.find((m) => !m[1] && sameModule(m[3]!));
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
  const from =
    tail && service ? service[3]!.replace(/service\/v1\/service_pb$/, tail) : wanted.from;
  const after =
    imports.filter((m) => tail && service && m[3]!.startsWith(from.slice(0, -tail.length))).pop() ??
    imports.pop();
  const at = after ? after.index + after[0].length : 0;
  return text.slice(0, at) + formatImport(missing, from, false) + text.slice(at);
}
