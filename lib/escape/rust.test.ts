import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { compileAndRun, findRustTool } from "../rust-harness/rustc-run";
import { hostileSamples } from "./hostile";
import { RUST_RAW, RUST_SUFFIXED } from "./keywords";
import { rustComment, rustIdent, rustSql, rustString } from "./rust";
import { itAnswersEach } from "../test-cases";
import CASES from "./rust.cases.json" with { type: "json" };

const TEXTS = hostileSamples(7);

/** What a UTF-8 file holds for a JS string: lone surrogates become U+FFFD. */
const utf8Hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

/** A program printing each literal's bytes in hex, one per line. */
function printBytes(literals: readonly string[]): string {
  return [
    "fn main() {",
    "    let all: &[&str] = &[",
    ...literals.map((l) => `${l},`),
    "    ];",
    "    for s in all {",
    '        println!("{}", s.bytes().map(|b| format!("{b:02x}")).collect::<String>());',
    "    }",
    "}",
  ].join("\n");
}

describe("rust escapes", () => {
  it("rustString holds the text exactly, as rustc reads it", () => {
    const run = compileAndRun(printBytes(TEXTS.map(rustString)));
    assert.ok(run.ok, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split("\n"), TEXTS.map(utf8Hex));
  });

  it("rustSql keeps readable SQL raw and escapes the rest, and rustc reads the same SQL", () => {
    const sqls = [
      "SELECT 1",
      'SELECT "#" FROM t WHERE a = \'"##\'',
      "\n\n   SELECT a\r\n   FROM b  \r   WHERE c\n",
      ...TEXTS.map((t) => `SELECT ${t}`),
    ];
    assert.deepEqual(rustSql(0, "SELECT 1"), ['r#"', "SELECT 1", '"#']);
    assert.equal(rustSql(4, "SELECT '\"#'")[0], '    r##"');
    assert.equal(rustSql(0, "SELECT\t1")[0], 'r#"', "a tab stays raw");
    assert.equal(rustSql(0, "SELECT '\u202e'")[0], '"', "bidi: an ordinary literal");
    assert.equal(rustSql(0, `SELECT '"${"#".repeat(300)}'`)[0], '"', "over 255 hashes");
    const run = compileAndRun(printBytes(sqls.map((s) => rustSql(8, s).join("\n"))));
    assert.ok(run.ok, run.stderr);
    // The literal holds the SQL re-indented: compare line by line without the indentation.
    const lines = (text: string) =>
      text
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    const got = run.stdout
      .trimEnd()
      .split("\n")
      .map((hex) => Buffer.from(hex, "hex").toString("utf8"));
    assert.deepEqual(
      got.map(lines),
      sqls.map((s) => lines(Buffer.from(s, "utf8").toString("utf8"))),
    );
  });

  it("comments stay one line that rustc accepts, even with bidi controls denied", () => {
    const body = TEXTS.flatMap((t) => [`    ${rustComment(t)}`, "    let _ = 1;"]);
    for (const line of body) assert.ok(!line.slice(4).includes("\n"));
    const run = compileAndRun(["#![deny(warnings)]", "fn main() {", ...body, "}"].join("\n"));
    assert.ok(run.ok, run.stderr);
  });

  itAnswersEach({ rustIdent }, CASES);

  it("rustIdent's every spelling of a keyword is a usable identifier", () => {
    const names = [...RUST_RAW, ...RUST_SUFFIXED].map(rustIdent);
    const program = [
      "#[derive(Default)]",
      `struct S { ${names.map((n) => `${n}: i64`).join(", ")} }`,
      `fn f(${names.map((n) => `${n}: i64`).join(", ")}) -> i64 { 0 ${names.map((n) => `+ ${n}`).join(" ")} }`,
      "fn main() {",
      "    let s = S::default();",
      `    let _ = f(${names.map((n) => `s.${n}`).join(", ")});`,
      "}",
    ].join("\n");
    const run = compileAndRun(program, ["-A", "warnings"]);
    assert.ok(run.ok, run.stderr);
  });

  it("lists only words Rust 2024 refuses as a plain identifier", () => {
    const source = [...RUST_RAW, ...RUST_SUFFIXED].map((w) => `struct S { ${w}: i64 }`);
    for (const line of source) {
      const run = spawnSync(findRustTool("rustfmt"), ["--edition", "2024", "--emit", "stdout"], {
        input: line,
        encoding: "utf8",
      });
      assert.notEqual(run.status, 0, `${line} parses: the word is not reserved`);
    }
  });
});
