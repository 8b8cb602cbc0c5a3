/** RPC names become proto identifiers, Rust and Python method names: PascalCase ASCII only. */

export const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
export const MAX_RPC_NAME_LENGTH = 80;

/** Every problem with a proposed RPC name; empty when it is usable. */
export function rpcNameProblems(name: string): string[] {
  if (name.length === 0) return ["Give the RPC a name, for example GetPersonCount."];
  const problems: string[] = [];
  if (name.length > MAX_RPC_NAME_LENGTH) {
    problems.push(`Keep the name under ${MAX_RPC_NAME_LENGTH} characters.`);
  }
  if (!PASCAL_CASE.test(name)) {
    problems.push(
      "Use PascalCase letters and digits only, starting with a capital (GetPersonCount, not get_person_count).",
    );
  }
  if (/(Request|Response)$/.test(name)) {
    problems.push("Leave off Request/Response: the messages get those suffixes.");
  }
  return problems;
}
