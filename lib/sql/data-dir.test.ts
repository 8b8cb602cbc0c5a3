import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { PGlite } from "@electric-sql/pglite";
import { concatBytes } from "../bytes";
import { DataDirFS, PGDATA } from "./data-dir";
import { readTar, type DataDirEntry } from "./tar";
import { createSnapshot } from "./snapshot";

interface TarInput {
  readonly path: string;
  readonly kind: "file" | "dir" | "symlink";
  readonly data?: Uint8Array;
}

/** A ustar archive, written field by field as tar(1) does. */
function tar(entries: readonly TarInput[], { end = true } = {}): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const header = new Uint8Array(512);
    const put = (at: number, text: string) => header.set(new TextEncoder().encode(text), at);
    const data = e.data ?? new Uint8Array(0);
    put(0, e.path);
    put(100, "0000600\0");
    put(124, `${data.length.toString(8).padStart(11, "0")}\0`);
    put(148, "        ");
    put(156, e.kind === "file" ? "0" : e.kind === "dir" ? "5" : "2");
    put(257, "ustar\x0000");
    const sum = header.reduce((a, b) => a + b, 0);
    put(148, `${sum.toString(8).padStart(6, "0")}\0 `);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  if (end) blocks.push(new Uint8Array(1024));
  return concatBytes(blocks);
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readTar", () => {
  it("reads files and directories, a leading slash dropped, each file a view into the tar", () => {
    const archive = tar([
      { path: "/base", kind: "dir" },
      { path: "/base/5/1259", kind: "file", data: bytes("x".repeat(700)) },
      { path: "PG_VERSION", kind: "file", data: bytes("17\n") },
    ]);
    const entries = readTar(archive);
    assert.deepEqual(
      entries.map((e) => [e.path, e.kind, new TextDecoder().decode(e.data)]),
      [
        ["base", "dir", ""],
        ["base/5/1259", "file", "x".repeat(700)],
        ["PG_VERSION", "file", "17\n"],
      ],
    );
    assert.equal(entries[1]!.data.buffer, archive.buffer);
  });

  it("joins the ustar prefix field to the name", () => {
    const archive = tar([{ path: "name", kind: "file", data: bytes("a") }]);
    archive.set(bytes("deep/dir"), 345);
    let sum = 8 * 32;
    archive.subarray(0, 512).forEach((b, i) => (sum += i >= 148 && i < 156 ? 0 : b));
    archive.set(bytes(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
    assert.equal(readTar(archive)[0]!.path, "deep/dir/name");
  });

  const refused: [string, () => Uint8Array, RegExp][] = [
    ["a path that climbs out", () => tar([{ path: "../etc/passwd", kind: "file" }]), /outside/],
    ["an empty path segment", () => tar([{ path: "base//x", kind: "file" }]), /outside/],
    ["a symbolic link", () => tar([{ path: "link", kind: "symlink" }]), /neither a file/],
    [
      "a damaged header",
      () => {
        const a = tar([{ path: "x", kind: "file", data: bytes("abc") }]);
        a[0] = "y".charCodeAt(0);
        return a;
      },
      /damaged header/,
    ],
    [
      "a file cut short",
      () => tar([{ path: "x", kind: "file", data: new Uint8Array(2000) }]).subarray(0, 1024),
      /cut short/,
    ],
    ["no end blocks", () => tar([{ path: "x", kind: "file" }], { end: false }), /no end/],
    [
      "one end block of two",
      () => concatBytes([tar([{ path: "x", kind: "file" }], { end: false }), new Uint8Array(512)]),
      /no end/,
    ],
  ];
  for (const [what, archive, message] of refused) {
    it(`refuses ${what}`, () => assert.throws(() => readTar(archive()), message));
  }

  it("gives back whatever tree was written (property)", () => {
    const segment = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
    const entry = fc.record({
      path: fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("/")),
      kind: fc.constantFrom<"file" | "dir">("file", "dir"),
      data: fc.uint8Array({ maxLength: 1500 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        const written = entries.map((e) => (e.kind === "dir" ? { ...e, data: undefined } : e));
        const read = readTar(tar(written));
        assert.deepEqual(
          read.map((e: DataDirEntry) => [e.path, e.kind, [...e.data]]),
          written.map((e) => [e.path, e.kind, [...(e.data ?? [])]]),
        );
      }),
    );
  });
});

describe("DataDirFS", () => {
  it("puts the snapshot's data directory in PGlite's file system, byte for byte", async () => {
    const gzip = await createSnapshot();
    const inflated = gzip.stream().pipeThrough(new DecompressionStream("gzip"));
    const archive = new Uint8Array(await new Response(inflated).arrayBuffer());
    const expected = readTar(archive.slice()).map((e) => [e.path, e.kind, e.data.slice()] as const);
    const db = await PGlite.create({ fs: new DataDirFS(archive) });
    try {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'posthog_person'",
      );
      assert.deepEqual(rows, [{ n: 1 }]);
      const fs = db.Module.FS;
      for (const [path, kind, data] of expected) {
        const stat = fs.stat(`${PGDATA}/${path}`);
        if (kind === "dir") assert.ok(fs.isDir(stat.mode), path);
        // Relation files (the catalogue) only: PostgreSQL rewrites its control file, WAL, pid
        // file and relcache init files when it starts.
        else if (/^(base\/\d+|global)\/\d+$/.test(path))
          assert.deepEqual(fs.readFile(`${PGDATA}/${path}`), data, path);
      }
    } finally {
      await db.close();
    }
  });

  it("refuses a tar without PG_VERSION rather than letting PGlite run initdb", async () => {
    const archive = tar([{ path: "base", kind: "dir" }]);
    await assert.rejects(PGlite.create({ fs: new DataDirFS(archive) }), /no PG_VERSION/);
  });
});
