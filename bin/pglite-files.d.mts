/** Types of pglite-files.mjs (plain JavaScript: the executable's entry uses it). */
export function pgliteFile(root: string, name: string): Buffer<ArrayBuffer>;

export function compileLabWasm(
  root: string,
  liftoffOnly: boolean,
): Promise<WebAssembly.Module | undefined>;
