/**
 * Handles that end-to-end tests and the benchmark drive a page through (the SQL editor, Monaco,
 * the lab). They are set only in pages whose opener raised this flag before any script ran (an
 * init script), so a user's page carries none.
 */
export const TEST_HOOKS_FLAG = "__workbenchTestHooks";

export function exposeTestHook(name: string, value: unknown): void {
  const scope = window as unknown as Record<string, unknown>;
  if (scope[TEST_HOOKS_FLAG] === true) scope[name] = value;
}
