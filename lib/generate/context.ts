/** What every generator receives: the design and the facts derived from it once. */
import { derive, type Derived } from "../design/derive";
import type { Design } from "../design/model";
import type { SqlStatus } from "../sql/verdict";
import type { Snippet } from "./snippet";

export interface GenerateInput {
  readonly design: Design;
  readonly d: Derived;
  readonly sql: SqlStatus;
}

export type Generator = (input: GenerateInput) => Snippet[];

export function generateInput(design: Design, sql: SqlStatus = "unchecked"): GenerateInput {
  return { design, d: derive(design), sql };
}
