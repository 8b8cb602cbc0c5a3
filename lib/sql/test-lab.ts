/** Test helper: one lab database per test file, booted before and closed after its tests. */
import { after, before } from "node:test";
import { bootLab, type LabDatabase } from "./boot";

export function sharedLabDatabase(): () => LabDatabase {
  let lab: LabDatabase | undefined;
  before(async () => {
    lab = await bootLab();
  });
  after(async () => {
    await lab?.db.close();
  });
  return () => {
    if (!lab) throw new Error("The lab database is not booted yet.");
    return lab;
  };
}
