/**
 * Test helper (Node only, like lib/apply/fixture-tree.ts): runs the case table that sits beside a
 * test as `x.cases.json` (test vectors are data), one test per row, each case checked with a
 * message that names the call.
 */
import assert from "node:assert/strict";
import { it } from "node:test";

/** Each row: the function, what its test says it does, and input → expected answer. */
export type CaseTable = readonly {
  readonly fn: string;
  readonly does: string;
  readonly cases: Readonly<Record<string, unknown>>;
}[];

export function itAnswersEach(
  fns: Readonly<Record<string, (input: string) => unknown>>,
  table: CaseTable,
): void {
  for (const { fn, does, cases } of table)
    it(does, () => {
      const f = fns[fn];
      assert.ok(f, `the table names ${fn}, which the test does not pass in`);
      for (const [input, want] of Object.entries(cases))
        assert.deepEqual(f(input), want, `${fn}(${JSON.stringify(input)})`);
    });
}
