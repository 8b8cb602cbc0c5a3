/** RPC names become proto identifiers, Rust and Python method names: PascalCase ASCII only. */
import { lowerCamel, snakeCase } from "../catalogue/naming";
import { PROTOBUF_ES_RESERVED, PYTHON_KEYWORDS, RUST_RAW, RUST_SUFFIXED } from "../escape/keywords";

export const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
export const MAX_RPC_NAME_LENGTH = 80;

/**
 * Where the name's spellings hit a reserved word. The name is the Rust and Python method
 * (snake_case), the attribute of the Python stub (as it is), and the protobuf-es client method
 * (lowerCamel, which protobuf-es renames when JavaScript reserves it). Refused rather than
 * mapped: each language's code generator would spell such a method differently.
 */
function reservedSpellings(name: string): string[] {
  const snake = snakeCase(name);
  const camel = lowerCamel(name);
  const hits: string[] = [];
  if (RUST_RAW.has(snake) || RUST_SUFFIXED.has(snake)) hits.push(`${snake} is a keyword in Rust`);
  if (PYTHON_KEYWORDS.has(snake) || PYTHON_KEYWORDS.has(name))
    hits.push(`${PYTHON_KEYWORDS.has(name) ? name : snake} is a keyword in Python`);
  if (PROTOBUF_ES_RESERVED.has(camel)) hits.push(`protobuf-es renames the method ${camel}`);
  return hits;
}

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
  if (problems.length === 0) {
    const hits = reservedSpellings(name);
    if (hits.length > 0)
      problems.push(
        `${name} cannot be generated: ${hits.join(", ")}. Name it after what it does (GetX, ListX, UpdateX).`,
      );
  }
  return problems;
}
