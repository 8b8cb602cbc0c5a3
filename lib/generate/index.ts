/**
 * Every generator, in the guide's order. One registry: the wizard, the CLI, downloads and the PR
 * description all call `generateSnippets`.
 */
import type { Design } from "../design/model";
import { rpcNameProblems } from "../design/rpc-name";
import { generateInput, type Generator, type SqlStatus } from "./context";
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

/** No code for a name that is not a valid identifier: it would not compile anywhere. */
export function generateSnippets(design: Design, sql: SqlStatus = "unchecked"): Snippet[] {
  if (rpcNameProblems(design.rpcName).length > 0) return [];
  const input = generateInput(design, sql);
  return GENERATORS.flatMap((generate) => generate(input));
}
