/**
 * Every generator, in the guide's order. One registry: the wizard, the CLI, downloads and the PR
 * description all call `generateSnippets`.
 */
import type { Design } from "../design/model";
import { invalidFieldNames } from "../design/field-names";
import { rpcNameProblems } from "../design/rpc-name";
import type { SqlSummary } from "../sql/summary";
import { generateInput, type Generator } from "./context";
import { protoSnippets } from "./proto";
import { nodeSnippets } from "./node";
import { pythonSnippets } from "./python";
import { rustRouterSnippets } from "./rust-router";
import { rustServiceSnippets } from "./rust-service";
import { rustStorageSnippets } from "./rust-storage";
import type { Snippet } from "./snippet";
import { verifySnippets } from "./verify";

export const GENERATORS: readonly Generator[] = [
  protoSnippets,
  pythonSnippets,
  nodeSnippets,
  rustStorageSnippets,
  rustServiceSnippets,
  rustRouterSnippets,
  verifySnippets,
];

/**
 * No code for a design whose names have no spelling in every language (an RPC name that is not
 * PascalCase or is a keyword somewhere, a field name that is not snake_case, an unknown type):
 * it would not compile anywhere. The design's problems say which name.
 */
export function generateSnippets(design: Design, sql?: SqlSummary): Snippet[] {
  if (rpcNameProblems(design.rpcName).length > 0 || invalidFieldNames(design).length > 0) return [];
  const input = generateInput(design, sql);
  return GENERATORS.flatMap((generate) => generate(input));
}
