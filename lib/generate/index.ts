/**
 * Every generator, in the guide's order. One registry: the wizard, the CLI, downloads and the PR
 * description all call `generateSnippets`.
 */
import type { Design } from "../design/model";
import { generateInput, type Generator, type SqlStatus } from "./context";
import { protoSnippets } from "./proto";
import type { Snippet } from "./snippet";
import { verifySnippets } from "./verify";

export const GENERATORS: readonly Generator[] = [protoSnippets, verifySnippets];

export function generateSnippets(design: Design, sql: SqlStatus = "unchecked"): Snippet[] {
  const input = generateInput(design, sql);
  return GENERATORS.flatMap((generate) => generate(input));
}
