/** What every generator receives: the design and the facts derived from it once. */
import { derive, type Derived } from "../design/derive";
import type { Design } from "../design/model";
import { summarizeSql, type SqlSummary } from "../sql/summary";
import type { Snippet } from "./snippet";

export interface GenerateInput {
  readonly design: Design;
  readonly d: Derived;
  /** The SQL lab's answer for `design.sql` as it stands (unchecked until it has one). */
  readonly sql: SqlSummary;
}

export type Generator = (input: GenerateInput) => Snippet[];

/** Without a check, the SQL is unchecked (or nothing-checked, when there is none). */
export function generateInput(design: Design, sql?: SqlSummary): GenerateInput {
  return { design, d: derive(design), sql: sql ?? summarizeSql(design.sql, null) };
}
