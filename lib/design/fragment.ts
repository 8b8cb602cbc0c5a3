/**
 * The URL fragment for the workbench's first slice: format version, RPC name and SQL.
 * Rules: the fragment never reaches a server; `v` names the format; unknown keys are reported, not
 * dropped silently; decoding never throws. (The full design codec replaces this in the links issue.)
 */

export interface SliceState {
  readonly name: string;
  readonly sql: string;
}

export const FRAGMENT_VERSION = "1";
const KNOWN_KEYS = new Set(["v", "name", "sql"]);
/** Longer than any reasonable query; a bigger fragment is refused rather than parsed. */
export const MAX_FRAGMENT_LENGTH = 64 * 1024;

export function encodeFragment(state: SliceState): string {
  const params = new URLSearchParams({ v: FRAGMENT_VERSION, name: state.name, sql: state.sql });
  return `#${params.toString()}`;
}

export interface DecodedFragment {
  /** Only the fields the fragment held, and only the valid ones. */
  readonly state: Partial<SliceState>;
  readonly warnings: string[];
}

export function decodeFragment(hash: string): DecodedFragment {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!raw) return { state: {}, warnings: [] };
  if (raw.length > MAX_FRAGMENT_LENGTH) {
    return { state: {}, warnings: ["The link is too long to read; nothing was loaded from it."] };
  }
  const params = new URLSearchParams(raw);
  const warnings: string[] = [];
  const version = params.get("v");
  if (version !== FRAGMENT_VERSION) {
    warnings.push(
      `The link has format version ${version ?? "(none)"}; this workbench reads version ${FRAGMENT_VERSION}.`,
    );
  }
  for (const key of params.keys()) {
    if (!KNOWN_KEYS.has(key))
      warnings.push(`The link has an unknown field "${key}"; it was ignored.`);
  }
  const state: { name?: string; sql?: string } = {};
  const name = params.get("name");
  const sql = params.get("sql");
  if (name !== null) state.name = name;
  if (sql !== null) state.sql = sql;
  return { state, warnings };
}
