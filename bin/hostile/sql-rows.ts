/**
 * SQL attacks through `check-sql` (as an argument, with --json, and from standard input) and
 * through `pr-description`: what an attacker would try against the lab database. Every row also
 * proves the database is unchanged afterwards (bin/hostile.test.ts compares fingerprints).
 */
import type { HostileRow } from "./row";

type Channel = "arg" | "json" | "stdin";
type Expect = Pick<HostileRow, "exit" | "stderr" | "stdout" | "never">;

const NOT_PLANNABLE =
  /SQL error \(at character \d+\): Only SELECT, INSERT, UPDATE, DELETE and MERGE statements have a plan to check\./;
const SELECT_INTO = /SELECT … INTO creates a table\./;
const TWO_STATEMENTS = /One statement at a time: another one starts here\./;
const STOPPED = /^The check ran past 5 s and was stopped\.\n$/;
const STOPPED_ANYWHERE = /ran past 5 s/;
const TOO_LONG = /The SQL is [\d,]+ characters long; a check takes at most 20,000\./;
/** What a plan that was only explained prints; nothing it names was run. */
const CHECKED = /^Statement: (read|write) \(/;
const NOTHING_CHECKED = /ERROR \[nothing-checked\] Nothing was checked: it reads no table/;
/** A raw bidi override or escape character: the CLI must show either one escaped. */
const RAW_RLO = /\u202e/;
const RAW_ESC = /\u001b/;

function row(name: string, sql: string, expect: Expect, channel: Channel = "arg"): HostileRow {
  const argv =
    channel === "stdin"
      ? ["check-sql", "-"]
      : channel === "json"
        ? ["check-sql", "--json", sql]
        : ["check-sql", sql];
  return {
    name: `sql: ${name}`,
    argv,
    ...(channel === "stdin" ? { stdin: sql } : {}),
    ...expect,
    dbUnchanged: true,
  };
}

const refused = (name: string, sql: string, channel: Channel = "arg") =>
  row(name, sql, { exit: 2, stderr: [NOT_PLANNABLE], stdout: [/^$/] }, channel);

/**
 * Checked (explained, never run): passes, or is flagged, and says what kind of statement it is.
 * `shows` and `never` are what else the output must, or must never, hold.
 */
const checked = (
  name: string,
  sql: string,
  exit: 0 | 1,
  channel: Channel = "arg",
  { shows = [], never = [] }: { shows?: RegExp[]; never?: RegExp[] } = {},
) =>
  row(
    name,
    sql,
    channel === "json"
      ? {
          exit,
          stdout: [
            /"statement": \{/,
            exit === 0 ? /"status": "pass"/ : /"status": "error"/,
            ...shows,
          ],
          stderr: [/^$/],
          never,
        }
      : {
          exit,
          stdout: [CHECKED, exit === 0 ? /PASS\n$/ : /FAIL\n$/, ...shows],
          stderr: [/^$/],
          never,
        },
    channel,
  );

/**
 * A statement that reads no personhog table: planned in the lab (nothing it names runs), and it
 * cannot pass: exit 1, "Nothing was checked".
 */
const nothingChecked = (
  name: string,
  sql: string,
  channel: Channel = "arg",
  never: RegExp[] = [],
) =>
  row(
    name,
    sql,
    channel === "json"
      ? {
          exit: 1,
          stdout: [/"status": "nothing-checked"/, /"rule": "nothing-checked"/],
          stderr: [/^$/],
          never,
        }
      : {
          exit: 1,
          stdout: [
            CHECKED,
            NOTHING_CHECKED,
            /NOTHING CHECKED: fails, the statement reads no table\n$/,
          ],
          stderr: [/^$/],
          never,
        },
    channel,
  );

/** Constant folding makes the planner run each term: about 3 s of CPU each, far past 5 s. */
const REGEXP_TERM = "length(regexp_replace(repeat('ab', 10000000), 'a', 'cc', 'g'))";
const RUNAWAY = `SELECT * FROM posthog_group WHERE id = ${Array(6).fill(REGEXP_TERM).join(" + ")}`;
/** Deeper than PGlite's parser goes, even on a worker's stack: it drops the Parse without an error. */
const DEEP = `SELECT ${"ROW(".repeat(3900)}1${")".repeat(3900)}`;
const READ = "SELECT * FROM posthog_group WHERE team_id = 1 AND id = 2";
/** A read through posthog_person's primary key: a real check that passes, whatever is added. */
const PERSON_READ = "SELECT id FROM posthog_person WHERE team_id = $1 AND id = $2";

const designFile = (sql: string) =>
  JSON.stringify({
    target: "current",
    rpcName: "GetGroupCount",
    domain: "group",
    tables: ["posthog_group"],
    operation: "read",
    sql,
    request: [{ name: "team_id", type: "int64" }],
    response: { kind: "new", fields: [{ name: "count", type: "int64" }] },
  });

export const SQL_ROWS: readonly HostileRow[] = [
  // Statements that change the schema, data, grants or roles: refused before anything is sent.
  refused("DROP TABLE", "DROP TABLE posthog_person"),
  refused("DROP SCHEMA CASCADE", "DROP SCHEMA public CASCADE", "json"),
  refused("TRUNCATE", "TRUNCATE posthog_person, posthog_group", "stdin"),
  refused("ALTER TABLE", "ALTER TABLE posthog_group ADD COLUMN pwned int"),
  refused("ALTER SYSTEM", "ALTER SYSTEM SET fsync = on"),
  refused("GRANT", "GRANT ALL ON posthog_person TO PUBLIC"),
  refused("REVOKE", "REVOKE SELECT ON posthog_person FROM PUBLIC", "json"),
  refused("CREATE ROLE", "CREATE ROLE attacker SUPERUSER LOGIN"),
  refused("COPY TO PROGRAM", "COPY posthog_person TO PROGRAM 'id > /tmp/pwned'"),
  refused("COPY FROM PROGRAM", "COPY posthog_group FROM PROGRAM 'cat /etc/passwd'", "stdin"),
  refused("COPY a query to a file", "COPY (SELECT 1) TO '/tmp/pwned'"),
  refused("DO block", "DO $$ BEGIN EXECUTE 'DROP TABLE posthog_person'; END $$"),
  refused("CREATE FUNCTION", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'"),
  refused(
    "CREATE OR REPLACE a built-in",
    "CREATE OR REPLACE FUNCTION pg_catalog.lower(text) RETURNS text LANGUAGE sql AS 'SELECT $1'",
    "json",
  ),
  refused("CREATE TRIGGER", "CREATE TRIGGER t BEFORE INSERT ON posthog_group EXECUTE FUNCTION f()"),
  refused("CREATE EXTENSION", "CREATE EXTENSION IF NOT EXISTS plpgsql"),
  refused("CALL", "CALL pwn()"),
  refused("VACUUM FULL", "VACUUM FULL posthog_person"),
  refused("LOCK TABLE", "LOCK TABLE posthog_person IN ACCESS EXCLUSIVE MODE"),
  refused("LOAD a library", "LOAD '/tmp/evil.so'"),
  refused("CHECKPOINT", "CHECKPOINT"),
  refused("DISCARD ALL", "DISCARD ALL", "stdin"),
  // Prepared statements, and the lab's own statement name.
  refused("EXECUTE the lab's old statement name", "EXECUTE workbench_check"),
  refused("EXECUTE it with arguments", "EXECUTE workbench_check(1, 2)", "json"),
  refused("EXECUTE a guessed name", "EXECUTE workbench_check_000000000000000000000000", "stdin"),
  refused("PREPARE", "PREPARE workbench_check AS DELETE FROM posthog_person"),
  refused("DEALLOCATE", "DEALLOCATE ALL"),
  refused("EXPLAIN ANALYZE of a DELETE", "EXPLAIN ANALYZE DELETE FROM posthog_person"),
  // Transaction control inside the text.
  refused("COMMIT", "COMMIT"),
  refused("COMMIT AND CHAIN", "COMMIT AND CHAIN", "json"),
  refused("ROLLBACK", "ROLLBACK"),
  refused("ABORT", "ABORT"),
  refused("BEGIN", "BEGIN"),
  refused("END", "END"),
  refused("SAVEPOINT", "SAVEPOINT s", "stdin"),
  refused("ROLLBACK TO SAVEPOINT", "ROLLBACK TO SAVEPOINT s"),
  refused("PREPARE TRANSACTION", "PREPARE TRANSACTION 'x'"),
  // Settings, roles and notifications.
  refused("SET", "SET enable_seqscan = on"),
  refused("SET LOCAL", "SET LOCAL statement_timeout = 0", "json"),
  refused("RESET ALL", "RESET ALL"),
  refused("SET ROLE", "SET ROLE pg_read_server_files"),
  refused("SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION postgres", "stdin"),
  refused("SHOW", "SHOW ALL"),
  refused("LISTEN", "LISTEN workbench"),
  refused("NOTIFY", "NOTIFY workbench, 'pwned'"),
  // Statements that plan like a read but create something.
  row("SELECT … INTO", "SELECT * INTO copied FROM posthog_group", {
    exit: 2,
    stderr: [NOT_PLANNABLE, SELECT_INTO],
  }),
  row(
    "SELECT … INTO TEMP",
    "SELECT id INTO TEMP copied FROM posthog_person",
    { exit: 2, stderr: [SELECT_INTO] },
    "json",
  ),
  row(
    "SELECT … INTO after a WITH",
    "WITH g AS (SELECT * FROM posthog_group) SELECT * INTO copied FROM g",
    { exit: 2, stderr: [SELECT_INTO] },
    "stdin",
  ),
  row("SELECT … INTO in parentheses", "(SELECT 1 INTO copied)", {
    exit: 2,
    stderr: [SELECT_INTO],
  }),
  refused("CREATE TABLE … AS", "CREATE TABLE copied AS SELECT * FROM posthog_group"),
  refused(
    "CREATE MATERIALIZED VIEW … AS",
    "CREATE MATERIALIZED VIEW copied AS SELECT * FROM posthog_group",
    "json",
  ),
  refused("DECLARE … CURSOR FOR", "DECLARE c CURSOR WITH HOLD FOR SELECT * FROM posthog_person"),
  // More than one statement, however it is hidden.
  row("a second statement", "SELECT 1; DROP TABLE posthog_person", {
    exit: 2,
    stderr: [TWO_STATEMENTS],
  }),
  row(
    "COMMIT between two statements",
    "SELECT 1; COMMIT; DROP TABLE posthog_person",
    { exit: 2, stderr: [TWO_STATEMENTS] },
    "stdin",
  ),
  row(
    "a second statement after a comment",
    "SELECT 1;\n-- harmless\nDROP TABLE posthog_person",
    { exit: 2, stderr: [/\(at character 23\): One statement at a time/] },
    "json",
  ),
  row("a semicolon inside a dollar quote, then a second statement", "SELECT $$;$$; DROP TABLE t", {
    exit: 2,
    stderr: [/\(at character 15\): One statement at a time/],
  }),
  checked(
    "DROP inside an E-string is only text",
    `${PERSON_READ} AND properties->>'x' = E'\\';DROP TABLE posthog_person;--'`,
    0,
  ),
  refused("a leading comment that says SELECT", "/* SELECT */ DROP TABLE posthog_person"),
  refused("a leading -- comment as an argument", "-- SELECT\nDROP TABLE posthog_person"),
  row("a statement that is a string", "'SELECT 1'", {
    exit: 2,
    stderr: [/SQL error \(at character 1\): syntax error at or near "'SELECT 1'"/],
  }),
  row("a misspelt first word", "SELEC * FROM posthog_person", {
    exit: 2,
    stderr: [/SQL error \(at character 1\): syntax error at or near "SELEC"/],
  }),
  row("nothing but semicolons", ";;;", { exit: 2, stderr: [/Enter one SQL statement to check\./] }),
  row("nothing but a comment", "-- nothing", {
    exit: 2,
    stderr: [/Enter one SQL statement to check\./],
  }),
  // Functions that would read files, write objects or change state if they ran: only planned. On
  // their own they read no table, so nothing was checked; inside a real read the check passes.
  nothingChecked("lo_import", "SELECT lo_import('/etc/passwd')"),
  nothingChecked("pg_read_file", "SELECT pg_read_file('/etc/passwd')", "stdin", [/root:/]),
  nothingChecked("pg_ls_dir", "SELECT pg_ls_dir('/')", "arg", [/\bproc\b/]),
  nothingChecked("lo_create and lo_unlink", "SELECT lo_create(0), lo_unlink(1)", "json"),
  nothingChecked(
    "set_config of a session setting",
    "SELECT set_config('enable_seqscan', 'on', false)",
  ),
  nothingChecked("an advisory lock", "SELECT pg_advisory_lock(42)"),
  nothingChecked("nextval of a sequence", "SELECT nextval('posthog_person_id_seq')"),
  nothingChecked("pg_notify", "SELECT pg_notify('workbench', 'pwned')"),
  nothingChecked("pg_terminate_backend", "SELECT pg_terminate_backend(pg_backend_pid())"),
  nothingChecked("pg_sleep is not run", "SELECT pg_sleep(3600)", "arg", [STOPPED_ANYWHERE]),
  checked("lo_import inside a real read", `${PERSON_READ} AND lo_import('/etc/passwd') > 0`, 0),
  checked(
    "pg_read_file inside a real read",
    "SELECT id, pg_read_file('/etc/passwd') FROM posthog_person WHERE team_id = $1 AND id = $2",
    0,
    "json",
    { never: [/root:/] },
  ),
  checked(
    "nextval inside a real read",
    "SELECT id, nextval('posthog_person_id_seq') FROM posthog_person WHERE team_id = $1 AND id = $2",
    0,
  ),
  checked(
    "set_config inside a real read",
    `${PERSON_READ} AND set_config('enable_indexscan', 'off', false) = 'off'`,
    0,
    "stdin",
  ),
  checked(
    "pg_sleep inside a real read is not run",
    `${PERSON_READ} AND pg_sleep(3600) IS NULL`,
    0,
    "arg",
    { never: [STOPPED_ANYWHERE] },
  ),
  // Runaway statements are stopped at 5 s (this one through pr-description; see below).
  {
    name: "sql: pr-description of a design whose SQL runs away",
    argv: ["pr-description", "{dir}/design.json"],
    files: { "design.json": designFile(RUNAWAY) },
    exit: 2,
    stderr: [STOPPED],
    stdout: [/^$/],
    dbUnchanged: true,
  },
  // DML and writable CTEs are planned, never executed.
  checked(
    "writable CTE that deletes",
    "WITH d AS (DELETE FROM posthog_group RETURNING *) SELECT * FROM d",
    1,
  ),
  checked(
    "writable CTE that inserts",
    "WITH i AS (INSERT INTO posthog_grouptypemapping (group_type, group_type_index, team_id) VALUES ('x', 0, 1) RETURNING id) SELECT * FROM i",
    0,
    "json",
  ),
  checked("DELETE of one row", "DELETE FROM posthog_group WHERE team_id = 1 AND id = 2", 0),
  checked("UPDATE of every row", "UPDATE posthog_person SET properties = '{}'", 1, "stdin"),
  checked(
    "INSERT",
    "INSERT INTO posthog_grouptypemapping (group_type, group_type_index, team_id) VALUES ($1, $2, $3)",
    0,
  ),
  checked(
    "a locking read",
    "SELECT * FROM posthog_person WHERE team_id = 1 AND id = 2 FOR UPDATE",
    0,
  ),
  {
    name: "sql: --advise creates its index only inside a rolled-back transaction",
    argv: ["check-sql", "--advise", "SELECT * FROM posthog_cohortpeople WHERE version = $1"],
    exit: 1,
    stdout: [
      /FAIL\nIndex advice: CREATE INDEX workbench_proposed_cohortpeople_idx ON posthog_cohortpeople \(version\)\n/,
      /Fixes tried \(indexes in a rolled-back transaction\):\n {2}1\. new-index: the check then says PASS\n/,
    ],
    stderr: [/^$/],
    dbUnchanged: true,
  },
  // Placeholders and sizes.
  row("$99999", "SELECT * FROM posthog_group WHERE id = $99999", {
    exit: 2,
    stderr: [/\$99999 is beyond the 40 placeholders a check takes/],
    never: [/could not determine data type/],
  }),
  row("$ and 400 nines", `SELECT $${"9".repeat(400)}`, {
    exit: 2,
    stderr: [/\$9{12}… is beyond the 40 placeholders/],
  }),
  row("$0", "SELECT $0", { exit: 2, stderr: [/\$0 is not a placeholder/] }, "json"),
  row("a gap in the placeholders", "SELECT * FROM posthog_group WHERE team_id = $1 AND id = $3", {
    exit: 2,
    stderr: [/uses \$3 but not \$2/],
    never: [/could not determine data type/],
  }),
  row(
    "10,000 placeholders",
    `SELECT 1 WHERE ${Array.from({ length: 10_000 }, (_, i) => `$${i + 1} = 1`).join(" AND ")}`,
    { exit: 2, stderr: [TOO_LONG] },
    "stdin",
  ),
  row(
    "2,800 placeholders within the size bound",
    `SELECT ${Array.from({ length: 2800 }, (_, i) => `$${i + 1}`).join(",")}`,
    { exit: 2, stderr: [/\$41 is beyond the 40 placeholders/] },
    "stdin",
  ),
  row(
    "150,000 spaces before a comment",
    `${READ}${" ".repeat(150_000)}-- end`,
    { exit: 2, stderr: [TOO_LONG] },
    "stdin",
  ),
  row(
    "a megabyte of SQL",
    `SELECT '${"x".repeat(1 << 20)}'`,
    { exit: 2, stderr: [TOO_LONG] },
    "stdin",
  ),
  row(
    "a 30,000-character identifier",
    `SELECT * FROM posthog_group WHERE ${"a".repeat(30_000)} = $1`,
    { exit: 2, stderr: [TOO_LONG] },
    "stdin",
  ),
  row(
    "a 19,900-character identifier",
    `SELECT * FROM posthog_group WHERE ${"a".repeat(19_900)} = $1`,
    { exit: 2, stderr: [/SQL error \(at character 35\): column "a{63}" does not exist/] },
    "stdin",
  ),
  // Text that would cut a protocol message short, or never ends.
  row("NUL bytes", "SELECT 1\0; DROP TABLE posthog_person", {
    exit: 2,
    stderr: [/NUL character/],
  }),
  row("NUL through standard input", `${READ}\0`, { exit: 2, stderr: [/NUL character/] }, "stdin"),
  row("a string never closed", "SELECT 'abc; DROP TABLE posthog_person", {
    exit: 2,
    stderr: [/\(at character 8\): The string that starts here is never closed\./],
  }),
  row("a comment never closed", "SELECT 1 /* DROP TABLE posthog_person", {
    exit: 2,
    stderr: [/The comment that starts here is never closed\./],
  }),
  row(
    "a dollar quote never closed",
    "SELECT $x$; DROP TABLE posthog_person",
    { exit: 2, stderr: [/The string that starts here is never closed\./] },
    "json",
  ),
  // Deep nesting: PGlite drops the Parse silently; nothing after it may run.
  row("3,900 nested ROW constructors", DEEP, {
    exit: 2,
    stderr: [/did not confirm that it prepared the statement, so nothing ran with it/],
  }),
  row(
    "6,500 nested negations",
    `SELECT ${"-(".repeat(6500)}1${")".repeat(6500)}`,
    { exit: 2, stderr: [/SQL error \(at character \d+\): memory exhausted/] },
    "stdin",
  ),
  checked(
    "9,000 nested parentheses",
    `${PERSON_READ} AND id = ${"(".repeat(9000)}2${")".repeat(9000)}`,
    0,
    "stdin",
  ),
  checked(
    "200 nested subqueries",
    `SELECT id, ${"(SELECT ".repeat(200)}1${")".repeat(200)} FROM posthog_person WHERE team_id = $1 AND id = $2`,
    0,
  ),
  // Unicode, bidi and control characters are text like any other; the verdict, which quotes the
  // JSON key, shows bidi and control characters escaped.
  checked(
    "bidi override in a JSON key, a string and an alias",
    `SELECT id AS "\u202Ex" FROM posthog_person WHERE team_id = $1 AND id = $2 AND properties->>'\u202Eabc' = '\u202Edef'`,
    0,
    "arg",
    { shows: [/then `properties->>'\\u202eabc'` is filtered/], never: [RAW_RLO] },
  ),
  row(
    "bidi override in a column name",
    `SELECT * FROM posthog_group WHERE "g\u202Eroup_key" = 'x'`,
    { exit: 2, stderr: [/column "g\\u202eroup_key" does not exist/], never: [RAW_RLO] },
    "json",
  ),
  checked(
    "emoji and combining marks",
    `SELECT id AS "\u{1F600}" FROM posthog_person WHERE team_id = $1 AND id = $2 AND properties->>'e\u0301\u{1F600}' = 'e\u0301'`,
    0,
    "stdin",
    { shows: [/then `properties->>'e\u0301\u{1F600}'` is filtered/u] },
  ),
  checked(
    "terminal escapes in a JSON key and a string",
    `${PERSON_READ} AND properties->>'\u001b[2K\u001b[1A' = '\u001b[2J'`,
    0,
    "arg",
    { shows: [/then `properties->>'\\u001b\[2K\\u001b\[1A'` is filtered/], never: [RAW_ESC] },
  ),
  checked(
    "terminal escapes in the key of a statement that fails",
    "SELECT id FROM posthog_person WHERE properties->>'\u001b[2K' = 'x'",
    1,
    "stdin",
    { shows: [/ERROR \[seq-scan\]/, /properties->>'\\u001b\[2K'/], never: [RAW_ESC] },
  ),
  nothingChecked("a constant with terminal escapes", "SELECT '\u001b[2K\u001b[1A'", "arg", [
    RAW_ESC,
  ]),
  // A failure in the EXPLAIN itself (runtime pruning divides by zero) still rolls back.
  row("an EXPLAIN that fails", "SELECT * FROM posthog_person WHERE team_id = $1 / 0", {
    exit: 2,
    stderr: [/division by zero/],
  }),
  // Far from the other runaway row, so the spare lab has booted again in between.
  row("20 s of regexp_replace while planning", RUNAWAY, { exit: 2, stderr: [STOPPED] }),
  {
    name: "sql: pr-description of a design that executes the lab's statement",
    argv: ["pr-description", "{dir}/design.json"],
    files: { "design.json": designFile("EXECUTE workbench_check") },
    exit: 1,
    stdout: [/Only SELECT, INSERT, UPDATE, DELETE and MERGE statements have a plan to check/],
    dbUnchanged: true,
  },
  // The lab still answers normally after all of the above.
  checked("an ordinary read", READ, 0),
  checked("an ordinary read as JSON", READ, 0, "json"),
];
