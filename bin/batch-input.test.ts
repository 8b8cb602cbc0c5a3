import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseJsonLines, splitSqlStatements } from "./batch-input";
import { MAX_INPUT_BYTES } from "./io";

describe("splitSqlStatements", () => {
  it("splits at semicolons, with the line each statement starts on", () => {
    const text = "SELECT 1;\n\n  SELECT 2 FROM t;\nSELECT\n  3";
    assert.deepEqual(splitSqlStatements(text), [
      { line: 1, sql: "SELECT 1" },
      { line: 3, sql: "SELECT 2 FROM t" },
      { line: 4, sql: "SELECT\n  3" },
    ]);
  });

  it("never splits inside a string, a quoted name, a comment or a dollar quote", () => {
    const statements = [
      "SELECT 'a;b', E'c\\';d' FROM t",
      'SELECT "odd;name" FROM t',
      "SELECT 1 /* one; /* nested; */ still; */ FROM t",
      "SELECT $body$ x; y $body$, $$;$$ FROM t",
      "SELECT 2 -- a comment; not a split\nFROM t",
    ];
    const split = splitSqlStatements(statements.join(";\n"));
    assert.deepEqual(
      split.map((s) => ("sql" in s ? s.sql : s.error)),
      statements,
    );
  });

  it("drops comments and blank space between statements, and empty statements", () => {
    const text = "-- header\n/* block */ ;;\nSELECT 1; -- trailing\n;\n-- the end\n";
    assert.deepEqual(splitSqlStatements(text), [{ line: 3, sql: "SELECT 1" }]);
    assert.deepEqual(splitSqlStatements("  -- only a comment\n"), []);
  });

  it("hands a statement left open over whole, to the end of the file", () => {
    const text = "SELECT 1;\nSELECT 'open; FROM t;\nSELECT 3;";
    assert.deepEqual(splitSqlStatements(text), [
      { line: 1, sql: "SELECT 1" },
      { line: 2, sql: "SELECT 'open; FROM t;\nSELECT 3;" },
    ]);
    assert.deepEqual(splitSqlStatements("SELECT 1; /* never closed; SELECT 2"), [
      { line: 1, sql: "SELECT 1" },
      { line: 1, sql: "/* never closed; SELECT 2" },
    ]);
  });

  it("reads the largest input in linear time", () => {
    // 1 MiB of short statements, one a line: rescanning for each statement's line number or
    // retokenizing each piece would take minutes; one pass takes milliseconds.
    const unit = "SELECT ';' FROM t;\n";
    const text = unit.repeat(Math.floor(MAX_INPUT_BYTES / unit.length));
    const started = performance.now();
    const items = splitSqlStatements(text);
    const ms = performance.now() - started;
    assert.deepEqual(items.at(-1), { line: items.length, sql: "SELECT ';' FROM t" });
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
  });
});

describe("parseJsonLines", () => {
  it("reads one statement a line, with its id and line number, skipping blank lines", () => {
    const text =
      '\ufeff{"sql": "SELECT 1", "id": "a"}\r\n\n  \n{"sql": "SELECT 2", "id": 7}\n{"sql": "SELECT 3"}';
    assert.deepEqual(parseJsonLines(text), [
      { line: 1, id: "a", sql: "SELECT 1" },
      { line: 4, id: 7, sql: "SELECT 2" },
      { line: 5, sql: "SELECT 3" },
    ]);
  });

  it("turns each unreadable line into an error of its own and keeps the rest", () => {
    const lines = [
      "{not json",
      '["SELECT 1"]',
      '{"sql": 1, "id": "n"}',
      '{"sql": "SELECT 1", "id": {"deep": true}}',
      '{"sql": "SELECT 1", "sqll": "x", "id": "typo"}',
      '{"sql": "SELECT 1", "__proto__": {"x": 1}}',
      '{"sql": "SELECT 2"}',
    ];
    const items = parseJsonLines(lines.join("\n"));
    const errors = items.map((item) => ("error" in item ? item.error : item.sql));
    assert.match(errors[0]!, /^Line 1 is not JSON/);
    assert.equal(errors[1], 'Line 2 holds a list, not {"sql": "…", "id": "…"}.');
    assert.equal(errors[2], 'Line 3: "sql" is a number; it must be text.');
    assert.equal(errors[3], 'Line 4: "id" is an object; it must be text or a number.');
    assert.match(errors[4]!, /^Line 5: unknown key "sqll"/);
    assert.match(errors[5]!, /^Line 6: unknown key "__proto__"/);
    assert.equal(errors[6], "SELECT 2");
    assert.deepEqual(
      items.map((item) => item.id),
      [undefined, undefined, "n", undefined, "typo", undefined, undefined],
    );
  });

  it("names unknown keys within bounds, however many and long", () => {
    const many = Object.fromEntries([
      ["sql", "SELECT 1"],
      ["k".repeat(100_000), 1],
      ...Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]),
    ]);
    const [item] = parseJsonLines(JSON.stringify(many));
    assert.ok(item && "error" in item);
    assert.equal(
      item.error,
      `Line 1: unknown key "${"k".repeat(40)}", "k0", "k1", "k2", "k3" and 9996 more; a line holds "sql" and, if you like, "id".`,
    );
  });

  it("refuses a key given twice, which readers of the line would take differently", () => {
    const lines = [
      '{"sql": "SELECT 1", "sql": "DELETE FROM posthog_person"}',
      '{"id": "a", "sql": "SELECT 1", "\\u0069d": "b"}',
    ];
    assert.deepEqual(
      parseJsonLines(lines.join("\n")).map((item) => ("error" in item ? item.error : item.sql)),
      [
        'Line 1: "sql" is given more than once; give it once.',
        'Line 2: "id" is given more than once; give it once.',
      ],
    );
  });

  it("refuses a number id that would not come back as written, and keeps every other", () => {
    const ids = ["12345678901234567890", "9007199254740992", "-9007199254740993", "1e999", "1e400"];
    for (const id of ids) {
      const [item] = parseJsonLines(`{"sql": "SELECT 1", "id": ${id}}`);
      assert.ok(item && "error" in item, id);
      assert.match(item.error, /cannot come back as written[\s\S]*give it as text/);
    }
    const kept = ["9007199254740991", "-9007199254740991", "0", "1.5", "-0.25", "1e-7"];
    for (const id of kept) {
      const [item] = parseJsonLines(`{"sql": "SELECT 1", "id": ${id}}`);
      assert.ok(item && "sql" in item, id);
      assert.equal(JSON.stringify(item.id), JSON.stringify(JSON.parse(id)));
    }
  });
});
