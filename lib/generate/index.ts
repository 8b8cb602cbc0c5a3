/** Every generator in the guide's order, behind the one generateSnippets every caller uses. */
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
 * No code for a design whose names have no spelling in every language (an RPC name not PascalCase
 * or a keyword somewhere, a field name not snake_case, an unknown type); its problems say which.
 */
export function generateSnippets(design: Design, sql?: SqlSummary): Snippet[] {
  if (rpcNameProblems(design.rpcName).length > 0 || invalidFieldNames(design).length > 0) return [];
  const input = generateInput(design, sql);
  return GENERATORS.flatMap((generate) => generate(input));
}
