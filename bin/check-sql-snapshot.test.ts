/**
 * check-sql boots its lab from an available schema snapshot and never builds the schema from the
 * DDL. The cache is given a snapshot holding a table the DDL does not have: only a lab booted from
 * that snapshot can plan a statement that reads it (one built from the DDL answers "relation does
 * not exist", exit 2), and the snapshot file is left as it was (not made again). Its tar is
 * unpacked once beside it, read as is by later runs (by the thread that starts the lab, which hands
 * it over), and made again when it is not whole.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createSchemaDatabase } from "../lib/sql/boot";
import { compactForSnapshot } from "../lib/sql/snapshot";
import { main, useCliSetup } from "./cli";
import { cachedTar, cacheSnapshotFiles, labSnapshot, snapshotKey } from "./lab-snapshot";
import { runCli } from "./spawn-cli";
import { isWholeTar } from "./snapshot-tar";

const ROOT = path.join(import.meta.dirname, "..");
const MARKER_SQL = "SELECT * FROM snapshot_marker WHERE id = $1";

/** The schema's snapshot, as the build makes it, plus one table of the test's own. */
async function markedSnapshot(): Promise<Uint8Array> {
  const db = await createSchemaDatabase();
  try {
    await db.exec("CREATE TABLE snapshot_marker (id bigint PRIMARY KEY)");
    await compactForSnapshot(db);
    return new Uint8Array(await (await db.dumpDataDir("gzip")).arrayBuffer());
  } finally {
    await db.close();
  }
}

describe("check-sql with a schema snapshot available", () => {
  let dir = "";
  let file = "";
  let tar = "";
  let bytes: Uint8Array = new Uint8Array();
  let paths = { root: "", cache: "" };
  const noMaking = (made: string) => assert.fail(`made a snapshot into ${made}`);

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "check-sql-snapshot-"));
    // A package folder without a build's snapshot (lab-assets/), so the cache's is the one.
    const root = path.join(dir, "package");
    const cache = path.join(dir, "cache");
    await mkdir(cache, { recursive: true });
    await mkdir(root);
    await symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
    ({ packed: file, tar } = cacheSnapshotFiles(cache, snapshotKey(root)));
    bytes = await markedSnapshot();
    await writeFile(file, bytes);
    paths = { root, cache };
    // One command, as the executable runs: a spare lab booting in the background would read (and
    // remake) the cached tar at a moment of its own, racing the tests below that spoil it.
    useCliSetup({ ...paths, oneCommand: true });
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** check-sql in-process, with the lab's boot notes. */
  async function checkMarker(): Promise<{ stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (text: string) => void out.push(text),
      stderr: (text: string) => void err.push(text),
      readStdin: () => Promise.resolve(""),
    };
    process.env.PERSONHOG_RPC_DEBUG = "lab";
    const code = await main(["check-sql", MARKER_SQL], io);
    delete process.env.PERSONHOG_RPC_DEBUG;
    const stderr = err.join("");
    assert.notEqual(code, 2, stderr);
    return { stdout: out.join(""), stderr };
  }

  it("boots from the cached snapshot and never runs the DDL", async () => {
    const { stdout, stderr } = await checkMarker();
    assert.match(stdout, /^Tables: snapshot_marker \[not personhog\]$/m);
    assert.doesNotMatch(stderr, /making the lab's schema snapshot from the DDL/);
    assert.match(stderr, /unpacked the lab's schema snapshot, once, into .*lab-snapshot-\w+\.tar /);
    assert.match(
      stderr,
      /lab booted from the schema snapshot \(cached: .*lab-snapshot-\w+\.tar\.gz\)/,
    );
    assert.deepEqual(new Uint8Array(await readFile(file)), bytes);
    assert.deepEqual(
      (await readdir(path.dirname(file))).sort(),
      [file, tar].map((f) => path.basename(f)).sort(),
    );
    assert.ok(isWholeTar(await readFile(tar)));
  });

  it("reads the unpacked tar as is at the next boot, typed so that PGlite does not gunzip it", async () => {
    const before = await readFile(tar);
    const next = await labSnapshot(paths, noMaking);
    assert.deepEqual(
      { source: next.source, file: next.file, unpacked: next.unpacked },
      {
        source: "cache",
        file: tar,
        unpacked: undefined,
      },
    );
    assert.equal(next.snapshot.type, "application/x-tar");
    assert.deepEqual(new Uint8Array(await next.snapshot.arrayBuffer()), new Uint8Array(before));
  });

  for (const [damage, spoil] of [
    ["cut short", async () => writeFile(tar, (await readFile(tar)).subarray(0, 20_000))],
    ["overwritten", async () => writeFile(tar, Buffer.alloc((await readFile(tar)).length, 7))],
  ] as const) {
    it(`does not trust a tar ${damage}: unpacks the snapshot again`, async () => {
      const whole = await readFile(tar);
      await spoil();
      assert.equal(isWholeTar(await readFile(tar)), false);
      const next = await labSnapshot(paths, noMaking);
      assert.deepEqual(
        { source: next.source, file: next.file, unpacked: next.unpacked },
        {
          source: "cache",
          file,
          unpacked: tar,
        },
      );
      assert.deepEqual(await readFile(tar), whole);
      assert.deepEqual(new Uint8Array(await next.snapshot.arrayBuffer()), new Uint8Array(whole));
    });
  }

  // The executable, whose lab's thread gets the tar from the thread that starts it. Its cache is
  // the test's; its package is this one, so without a whole tar it finds the build's snapshot.
  const runWithCache = (sql: string) =>
    runCli(["check-sql", sql], undefined, {
      env: { PERSONHOG_RPC_CACHE: paths.cache, PERSONHOG_RPC_DEBUG: "lab" },
    });

  it("boots the executable's lab from the cached tar, read by the thread that starts it", async () => {
    const whole = await readFile(tar);
    const handed = cachedTar(paths);
    assert.equal(handed?.file, tar);
    assert.deepEqual(handed?.tar, whole);
    const { code, stdout, stderr } = await runWithCache(MARKER_SQL);
    assert.notEqual(code, 2, stderr);
    assert.match(stdout, /^Tables: snapshot_marker \[not personhog\]$/m);
    assert.match(stderr, /lab booted from the schema snapshot \(cached: .*lab-snapshot-\w+\.tar\)/);
    assert.doesNotMatch(stderr, /unpacked/);
  });

  it("hands over no tar that is not whole: the lab's thread unpacks a snapshot again", async () => {
    const whole = await readFile(tar);
    await writeFile(tar, whole.subarray(0, whole.length - 512));
    assert.equal(cachedTar(paths), null);
    const { code, stderr } = await runWithCache("SELECT id FROM posthog_person WHERE team_id = $1");
    assert.notEqual(code, 2, stderr);
    assert.match(stderr, /unpacked the lab's schema snapshot, once, into .*lab-snapshot-\w+\.tar /);
    assert.ok(isWholeTar(await readFile(tar)));
  });
});
