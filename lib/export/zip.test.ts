import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { crc32, createZip, type ZipFile } from "./zip";

const dir = mkdtempSync(join(tmpdir(), "workbench-zip-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Everything Python's zipfile reports about an archive, contents as base64 to keep bytes exact. */
const READ_ZIP = `
import base64, json, sys, zipfile
def view(path):
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        return {
            "testzip": z.testzip(),
            "names": z.namelist(),
            "utf8": [bool(i.flag_bits & 0x800) for i in infos],
            "stored": [i.compress_type == zipfile.ZIP_STORED for i in infos],
            "dates": [list(i.date_time) for i in infos],
            "modes": [i.external_attr >> 16 for i in infos],
            "contents": [base64.b64encode(z.read(i)).decode() for i in infos],
        }
print(json.dumps([view(path) for path in sys.argv[1:]]))
`;

interface PythonView {
  testzip: string | null;
  names: string[];
  utf8: boolean[];
  stored: boolean[];
  dates: number[][];
  modes: number[];
  contents: string[];
}

let counter = 0;
/**
 * The real parser: write the archives to disk and let CPython's zipfile read them back, all in
 * one process (a Python start costs more than reading 30 small archives).
 */
function readWithPython(zips: readonly Uint8Array[]): PythonView[] {
  const paths = zips.map((zip) => {
    const path = join(dir, `${counter++}.zip`);
    writeFileSync(path, zip);
    return path;
  });
  const run = spawnSync("python3", ["-c", READ_ZIP, ...paths], { encoding: "utf8" });
  assert.equal(run.status, 0, `python3 zipfile failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as PythonView[];
}

/** Python agrees with the input on names, order, and every byte of every file. */
function assertRoundTrip(files: readonly ZipFile[], zip = createZip(files)): PythonView {
  return assertReadBack(files, readWithPython([zip])[0]!);
}

function assertReadBack(files: readonly ZipFile[], py: PythonView): PythonView {
  assert.equal(py.testzip, null, "testzip() found a bad CRC or header");
  assert.deepEqual(
    py.names,
    files.map((f) => f.path),
  );
  assert.deepEqual(
    py.contents.map((b64) => Buffer.from(b64, "base64")),
    files.map((f) => Buffer.from(new TextEncoder().encode(f.text))),
  );
  assert.ok(py.utf8.every(Boolean), "every entry sets the UTF-8 name flag");
  assert.ok(py.stored.every(Boolean), "every entry is STORE");
  return py;
}

const SAMPLE: ZipFile[] = [
  { path: "proto/personhog/types/v1/person.proto", text: "message A {\n  int64 id = 1;\n}\n" },
  { path: "posthog/personhog_client/client.py", text: "# ünïcödé — “quotes” 日本語 🦔\n" },
  { path: "docs/résumé/ファイル.md", text: "emoji 🦔 and combining e\u0301\n" },
  { path: "empty.txt", text: "" },
];

describe("crc32", () => {
  it("matches the standard check value", () => {
    assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
    assert.equal(crc32(new Uint8Array()), 0);
  });
});

describe("createZip read back by Python's zipfile", () => {
  it("round-trips names and contents, including non-ASCII, byte for byte", () => {
    const py = assertRoundTrip(SAMPLE);
    assert.deepEqual(
      py.dates,
      SAMPLE.map(() => [1980, 1, 1, 0, 0, 0]),
    );
    assert.deepEqual(
      py.modes,
      SAMPLE.map(() => 0o100644),
    );
  });

  it("writes the given date as DOS date and time (two-second resolution)", () => {
    const date = new Date(Date.UTC(2024, 4, 17, 13, 45, 31));
    const py = assertRoundTrip(SAMPLE, createZip(SAMPLE, date));
    assert.deepEqual(py.dates[0], [2024, 5, 17, 13, 45, 30]);
  });

  it("writes an empty archive Python accepts", () => {
    assert.equal(createZip([]).length, 22);
    assertRoundTrip([]);
  });

  it("round-trips any set of valid files", () => {
    const chars = [..."abcXYZ019_-. éü日本🦔"];
    const segment = fc
      .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 12 })
      .map((cs) => cs.join(""))
      .filter((s) => s !== "." && s !== "..");
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
    const files = fc.uniqueArray(
      fc.record({ path, text: fc.string({ unit: "grapheme", maxLength: 200 }) }),
      { selector: (f) => f.path, maxLength: 8 },
    );
    // Sampled rather than fc.assert-ed, so one Python process reads every archive.
    const cases = fc.sample(files, 30);
    const views = readWithPython(cases.map((fs) => createZip(fs)));
    cases.forEach((fs, i) => assertReadBack(fs, views[i]!));
  });
});

describe("createZip output", () => {
  it("is deterministic for the same input", () => {
    assert.deepEqual(createZip(SAMPLE), createZip(SAMPLE));
    const date = new Date(Date.UTC(2030, 0, 2, 3, 4, 6));
    assert.deepEqual(createZip(SAMPLE, date), createZip(SAMPLE, date));
  });

  it("rejects dates DOS cannot represent", () => {
    assert.throws(() => createZip(SAMPLE, new Date(Date.UTC(1979, 11, 31))), /outside 1980/);
    assert.throws(() => createZip(SAMPLE, new Date(Number.NaN)), /outside 1980/);
  });
});

describe("createZip path validation", () => {
  const cases: [string, RegExp][] = [
    ["", /empty name/],
    ["/etc/passwd", /absolute path/],
    ["C:/Windows/x.txt", /absolute path/],
    ["a\\b.txt", /backslash/],
    ["../escape.txt", /"\.\." segment/],
    ["a/../../b.txt", /"\.\." segment/],
    ["a/./b.txt", /"\." segment/],
    ["a//b.txt", /empty segment/],
    ["dir/", /empty segment/],
    ["a\nb.txt", /control character/],
  ];
  for (const [path, message] of cases) {
    it(`rejects ${JSON.stringify(path)}`, () => {
      assert.throws(
        () => createZip([{ path, text: "x" }]),
        (e: unknown) =>
          e instanceof Error && /invalid path/.test(e.message) && message.test(e.message),
      );
    });
  }

  it("rejects duplicate paths", () => {
    const twice = [
      { path: "a.txt", text: "1" },
      { path: "a.txt", text: "2" },
    ];
    assert.throws(() => createZip(twice), /duplicate path "a\.txt"/);
  });

  it("accepts dots inside names", () => {
    assertRoundTrip([{ path: ".github/x..y/.env", text: "ok" }]);
  });
});
