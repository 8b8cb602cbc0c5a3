/**
 * Test helper: one lab database per test file, booted before and closed after its tests. It boots
 * from the schema snapshot the CLI uses (bin/lab-snapshot.ts: the build's, else the one cached for
 * today's DDL and PGlite, else made once from the DDL), so a file pays a second of boot, not the
 * DDL's several. The snapshot is proven equal to the DDL's database in snapshot.test.ts, and the
 * tests of the DDL itself (schema.test.ts) still run it.
 */
import { after, before } from "node:test";
import { labSnapshot } from "../../bin/lab-snapshot";
import { cliSetup } from "../../bin/cli-setup";
import { bootLabFromSnapshot, type LabDatabase } from "./boot";

export async function bootTestLab(): Promise<LabDatabase> {
  const { snapshot } = await labSnapshot(cliSetup(), () => {});
  return bootLabFromSnapshot(snapshot);
}

/** `boot`: bootLab for the tests that are about the DDL itself. */
export function sharedLabDatabase(boot = bootTestLab): () => LabDatabase {
  let lab: LabDatabase | undefined;
  before(async () => {
    lab = await boot();
  });
  after(async () => {
    await lab?.db.close();
  });
  return () => {
    if (!lab) throw new Error("The lab database is not booted yet.");
    return lab;
  };
}
