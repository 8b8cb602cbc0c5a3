/**
 * The hostile-input table: every attack on the CLI we know of, one row each, run in this process
 * through `main` (the same code the executable runs), each bounded to 10 s. The lab boots once,
 * before the first row, so no row pays for the boot; an idle lab's threads are unref'd by
 * cli-lab.ts, so they never keep this process alive once the last row is done.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "./cli";
import { labFingerprint } from "./cli-lab";
import { DESIGN_ROWS } from "./hostile/design-rows";
import { LINK_ROWS } from "./hostile/link-rows";
import type { HostileRow } from "./hostile/row";
import { SQL_ROWS } from "./hostile/sql-rows";

const ROWS: readonly HostileRow[] = [...SQL_ROWS, ...DESIGN_ROWS, ...LINK_ROWS];

async function runRow(row: HostileRow) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hostile-"));
  try {
    for (const [name, text] of Object.entries(row.files ?? {}))
      await writeFile(path.join(dir, name), text);
    let stdout = "";
    let stderr = "";
    const code = await main(
      row.argv.map((a) => a.replaceAll("{dir}", dir)),
      {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        readStdin: async () => row.stdin ?? "",
      },
    );
    return { code, stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("hostile input", () => {
  before(async () => {
    await labFingerprint();
  });

  it("has at least 150 attacks, each named once", () => {
    assert.ok(ROWS.length >= 150, `only ${ROWS.length} rows`);
    const names = ROWS.map((r) => r.name);
    assert.deepEqual(
      names.filter((name, i) => names.indexOf(name) !== i),
      [],
    );
  });

  for (const row of ROWS) {
    // A runaway row spends the 5 s limit and then a fresh lab's boot (for the fingerprint): about
    // 9 s alone, past 10 s on a loaded machine.
    it(row.name, { timeout: 20_000 }, async () => {
      const before = row.dbUnchanged ? await labFingerprint() : "";
      const r = await runRow(row);
      const shown = `exit ${r.code}\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`;
      assert.equal(r.code, row.exit, shown);
      for (const p of row.stderr ?? []) assert.match(r.stderr, p, shown);
      for (const p of row.stdout ?? []) assert.match(r.stdout, p, shown);
      for (const p of row.never ?? []) {
        assert.doesNotMatch(r.stdout, p, shown);
        assert.doesNotMatch(r.stderr, p, shown);
      }
      if (row.dbUnchanged) assert.equal(await labFingerprint(), before);
    });
  }
});
