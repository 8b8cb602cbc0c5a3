/**
 * Attacks on `generate` through the design file: text that tries to leave its comment or string
 * literal in the generated code, names that are keywords somewhere, numbers a comment makes up,
 * and values the validator must refuse. Each row writes `{dir}/design.json`.
 */
import { WORKED_EXAMPLE, field } from "../../lib/design/defaults";
import { DESIGN_FIXTURES } from "../../lib/design/fixtures";
import type { Design, FieldDesign } from "../../lib/design/model";
import type { HostileRow } from "./row";

type Overrides = { readonly [K in keyof Design]?: unknown };

const INJECTED = "k\n}\nfn pwned(){std::process::exit(1)}\nfn x(){//";
/** A line of injected Rust or proto, anywhere in the output: a sign the text became code. */
const INJECTED_LINE = /^\s*(fn pwned|message Pwned|import os|PWNED)/m;
const NO_CODE = /^=== /m;
/** Characters that must never reach a terminal or a file raw. */
const RAW = {
  esc: /\u001b/,
  cr: /\r/,
  nul: /\u0000/,
  ls: /\u2028/,
  ps: /\u2029/,
  rlo: /\u202e/,
  isolate: /[\u2066-\u2069]/,
  nel: /\u0085/,
  bom: /\ufeff/,
};

const leaderWrite = DESIGN_FIXTURES["person-write-guide"]!;

function design(overrides: Overrides, base: Design = WORKED_EXAMPLE): Record<string, string> {
  return { "design.json": JSON.stringify({ ...base, ...overrides }) };
}

const GENERATE = ["generate", "{dir}/design.json"];
const GENERATE_JSON = ["generate", "--json", "{dir}/design.json"];

/** A design whose request's second field carries `comment`. */
const commented = (comment: string, f: Partial<FieldDesign> = {}) =>
  design({ request: [field("team_id", "int64"), field("person_ids", "int64", { comment, ...f })] });

/** A field comment holding `text` generates, shows it on one proto line, and never raw. */
function commentRow(name: string, text: string, shown: RegExp, never: RegExp[]): HostileRow {
  return {
    name: `design: field comment with ${name}`,
    argv: GENERATE,
    files: commented(text),
    exit: 0,
    stdout: [shown],
    never: [INJECTED_LINE, ...never],
  };
}

/** A request field named `name` generates, spelled as each language needs. */
function keywordField(name: string, shown: RegExp[], never: RegExp[] = []): HostileRow {
  return {
    name: `design: request field named ${name}`,
    argv: GENERATE,
    files: design({ request: [field("team_id", "int64"), field(name, "string")] }),
    exit: 0,
    stdout: shown,
    never,
  };
}

/** A response field named `name` generates, spelled as each language needs. */
function keywordResponse(name: string, shown: RegExp[], never: RegExp[] = []): HostileRow {
  return {
    name: `design: response field named ${name}`,
    argv: GENERATE,
    files: design({
      response: { kind: "new", fields: [field(name, "int64"), field("n", "bool")] },
      // query_as! fills the result struct by name: the SELECT names both fields.
      sql: `SELECT COUNT(*) AS "${name}", bool_or(is_identified) AS n FROM posthog_person WHERE team_id = $1`,
    }),
    exit: 0,
    stdout: shown,
    never,
  };
}

/** An RPC name that is a keyword in some language: refused, and no code at all. */
function keywordRpc(rpcName: string, message: RegExp): HostileRow {
  return {
    name: `design: RPC named ${rpcName}`,
    argv: GENERATE,
    files: design({ rpcName }),
    exit: 1,
    stderr: [message],
    never: [NO_CODE],
  };
}

export const DESIGN_ROWS: readonly HostileRow[] = [
  // Code injection through the idempotency key, which becomes a Rust comment.
  {
    name: "design: idempotency key with newlines and a Rust function (leader handler)",
    argv: GENERATE,
    files: design(
      { target: "current", leaderSafety: { kind: "idempotency-key", field: INJECTED } },
      leaderWrite,
    ),
    exit: 1,
    stdout: [/\/\/ Redelivery must converge: it dedupes on k \} fn pwned\(\)\{/],
    stderr: [/idempotency key must be .*"k\\n}\\nfn pwned/],
    never: [INJECTED_LINE, /^\s*\}\s*$\n^\s*fn /m],
  },
  {
    name: "design: idempotency key closing a block comment",
    argv: GENERATE,
    files: design(
      {
        target: "current",
        leaderSafety: { kind: "idempotency-key", field: "*/ fn pwned() {} /*" },
      },
      leaderWrite,
    ),
    exit: 1,
    stdout: [/it dedupes on \*\\\/ fn pwned\(\) \{\} \/\\\*\./],
    never: [INJECTED_LINE],
  },
  {
    name: "design: idempotency key with bidi overrides",
    argv: GENERATE,
    files: design(
      { target: "current", leaderSafety: { kind: "idempotency-key", field: "key\u202e\u2066x" } },
      leaderWrite,
    ),
    exit: 1,
    stdout: [/it dedupes on key\\u\{202e\}\\u\{2066\}x\./],
    never: [RAW.rlo, RAW.isolate],
  },
  {
    name: "design: idempotency key with a terminal escape sequence",
    argv: GENERATE,
    files: design(
      {
        target: "current",
        leaderSafety: { kind: "idempotency-key", field: "k\u001b[1A\u001b[2K" },
      },
      leaderWrite,
    ),
    exit: 1,
    stdout: [/it dedupes on k\\u\{1b\}\[1A\\u\{1b\}\[2K\./],
    stderr: [/"k\\u001b\[1A\\u001b\[2K"/],
    never: [RAW.esc],
  },
  {
    name: "design: idempotency key over 64 characters",
    argv: GENERATE,
    files: design(
      { leaderSafety: { kind: "idempotency-key", field: "k".repeat(65) } },
      leaderWrite,
    ),
    exit: 2,
    stderr: [/leaderSafety\.field is longer than 64 characters/],
    never: [NO_CODE],
  },

  // Field comments: they become proto comments, one line each.
  commentRow(
    "a newline and a proto message",
    "x\n}\nmessage Pwned {",
    /^ {2}\/\/ x \} message Pwned \{\n {2}int64 person_ids = 2;$/m,
    [],
  ),
  commentRow(
    "the Rust injection",
    INJECTED,
    /\/\/ k \} fn pwned\(\)\{std::process::exit\(1\)\}/,
    [],
  ),
  commentRow("a block-comment closer", "*/ PWNED(); /*", /\/\/ \*\\\/ PWNED\(\); \/\\\*$/m, [
    /\*\/ PWNED/,
  ]),
  commentRow("an HTML comment closer", "--> PWNED <!--", /\/\/ --> PWNED <!--$/m, []),
  commentRow("Python triple quotes", '"""\nimport os\n"""', /\/\/ """ import os """$/m, []),
  commentRow("Python single triple quotes", "'''\nimport os\n'''", /\/\/ ''' import os '''$/m, []),
  commentRow(
    "backticks and a template",
    "`${process.exit()}`",
    /\/\/ `\$\{process\.exit\(\)\}`$/m,
    [],
  ),
  commentRow("quotes of both kinds", `"; PWNED(); '`, /\/\/ "; PWNED\(\); '$/m, []),
  commentRow("braces and a hash", "} # {\n#PWNED", /\/\/ \} # \{ #PWNED$/m, []),
  commentRow("a trailing backslash", "ends in \\\nPWNED = 1", /\/\/ ends in \\ PWNED = 1$/m, []),
  commentRow("a carriage return", "a\rPWNED = 1", /\/\/ a PWNED = 1$/m, [RAW.cr]),
  commentRow("CRLF line ends", "a\r\nb\r\nPWNED", /\/\/ a b PWNED$/m, [RAW.cr]),
  commentRow("a line separator", "a\u2028PWNED()", /\/\/ a\\u\{2028\}PWNED\(\)$/m, [RAW.ls]),
  commentRow("a paragraph separator", "a\u2029PWNED()", /\/\/ a\\u\{2029\}PWNED\(\)$/m, [RAW.ps]),
  commentRow("a next-line control", "a\u0085PWNED", /\/\/ a\\u\{85\}PWNED$/m, [RAW.nel]),
  commentRow("a right-to-left override", "a\u202eb", /\/\/ a\\u\{202e\}b$/m, [RAW.rlo]),
  commentRow("bidi isolates", "\u2066a\u2069", /\/\/ \\u\{2066\}a\\u\{2069\}$/m, [RAW.isolate]),
  commentRow("a NUL character", "a\u0000b", /\/\/ a\\u\{0\}b$/m, [RAW.nul]),
  commentRow("a terminal escape", "a\u001b[2Kb", /\/\/ a\\u\{1b\}\[2Kb$/m, [RAW.esc]),
  commentRow("a byte order mark", "\ufeffa", /\/\/ \\u\{feff\}a$/m, [RAW.bom]),
  commentRow("a lone surrogate", "a\ud800b", /\/\/ a\\u\{d800\}b$/m, [/\ud800/]),
  commentRow("only whitespace", " \n\t\r\n ", /int64 person_ids = 2;$/m, [/person_ids = 2; +\/\//]),
  commentRow("500 characters", "x".repeat(500), /\/\/ x{500}$/m, []),
  {
    name: "design: field comment of 501 characters",
    argv: GENERATE,
    files: commented("x".repeat(501)),
    exit: 2,
    stderr: [/request\.1\.comment is longer than 500 characters/],
    never: [NO_CODE],
  },

  // Numbers a comment documents: bounded by the field's type, or ignored with a note.
  // A cap the field's type cannot hold never becomes a literal (`1e+23`, `1..=99999999999`): the
  // number stays in the comment ("Max …") and a documented-cap warning says no check was
  // generated; warnings alone exit 0.
  {
    name: "design: a batch cap of 99999999999999999999999 in a comment",
    argv: GENERATE_JSON,
    files: commented("Max 99999999999999999999999 per request", { repeated: true }),
    exit: 0,
    stdout: [
      /"message": "Max 99999999999999999999999 in person_ids's comment is above 100,000[^"]*no batch size check was generated\.",\n\s*"rule": "documented-cap"/,
    ],
    stderr: [
      /^warning: request\.1\.comment: Max 99999999999999999999999 in person_ids's comment is above 100,000.*no batch size check was generated\. \[documented-cap\]\n$/,
    ],
    never: [/e\+\d/, /(?<!Max )9{23}/, /len\(\) > \d/, /vec!\[[^\]]*; \d/],
  },
  {
    name: "design: a cap of 99999999999 on an int32 field",
    argv: GENERATE_JSON,
    files: design({
      request: [field("team_id", "int64"), field("limit", "int32", { comment: "Max 99999999999" })],
    }),
    exit: 0,
    stdout: [
      /"message": "Max 99999999999 in limit's comment does not fit int32: no int32 value check was generated\.",\n\s*"rule": "documented-cap"/,
    ],
    stderr: [
      /^warning: request\.1\.comment: Max 99999999999 in limit's comment does not fit int32: no int32 value check was generated\. \[documented-cap\]\n$/,
    ],
    never: [/1\.\.=\d/, /(?<!Max )99999999999/, /e\+\d/],
  },
  {
    name: "design: the largest int64 cap, printed whole",
    argv: GENERATE,
    files: design({
      request: [
        field("team_id", "int64"),
        field("limit", "int64", { comment: "Max 9223372036854775807" }),
      ],
    }),
    exit: 0,
    stdout: [/1\.\.=9223372036854775807 => req\.limit,/],
    never: [/e\+\d/],
  },
  {
    name: "design: a cap of zero",
    argv: GENERATE_JSON,
    files: commented("Max 0 per request", { repeated: true }),
    exit: 0,
    stdout: [/Max 0 in person_ids's comment is below 1/],
    never: [/len\(\) > 0/],
  },
  {
    name: "design: a cap that is not a whole number",
    argv: GENERATE_JSON,
    files: commented("Max 1e9 per request", { repeated: true }),
    exit: 0,
    stdout: [/The \\"Max\\" in person_ids's comment is not a whole number/],
    never: [/len\(\) > 1/],
  },

  // Names that are keywords in some language: mapped as each code generator spells them.
  keywordField("self", [/self_: &str/, /self: string/], [/r#self/]),
  keywordField("super", [/super_: &str/], [/r#super/]),
  keywordField("crate", [/crate_: &str/], [/r#crate/]),
  keywordField("extern", [/extern_: &str/], [/r#extern/]),
  keywordField("type", [/r#type: &str/, /^ {2}string type = 2;$/m]),
  keywordField("gen", [/r#gen: &str/]),
  keywordField("delete", [/deleteValue: string/, /delete: deleteValue,/]),
  keywordField("undefined", [/undefinedValue: string/]),
  keywordField("create", [/createValue: string/]),
  keywordField("caller_tag", [/callerTagValue: string/]),
  keywordResponse("try", [/pub r#try: i64,|r#try: i64/, /\*\*\{"try": 0\}/], [/pub try:/]),
  keywordResponse("from", [/\*\*\{"from": 0\}/], [/\bfrom=0/]),
  keywordResponse("class", [/\*\*\{"class": 0\}/]),
  keywordResponse("async", [/r#async/, /\*\*\{"async": 0\}/]),
  keywordResponse("constructor", [/constructor\$: number/]),
  {
    name: "design: two fields JSON spells the same (x_1 and x1)",
    argv: GENERATE,
    files: design({
      request: [field("team_id", "int64"), field("x_1", "int64"), field("x1", "int64")],
    }),
    exit: 1,
    stderr: [/x_1 and x1 are both x1 in JSON and TypeScript/],
  },
  {
    name: "design: two fields prost spells the same (self and self_)",
    argv: GENERATE,
    files: design({
      request: [field("team_id", "int64"), field("self", "int64"), field("self_", "int64")],
    }),
    exit: 1,
    stderr: [/self and self_ are both self_ in Rust/],
  },
  keywordRpc("Self", /self is a keyword in Rust/),
  keywordRpc("Crate", /crate is a keyword in Rust/),
  keywordRpc("Type", /type is a keyword in Rust/),
  keywordRpc("Try", /try is a keyword in Rust/),
  keywordRpc("Gen", /gen is a keyword in Rust/),
  keywordRpc("Class", /class is a keyword in Python/),
  keywordRpc("None", /None is a keyword in Python/),
  keywordRpc("ToString", /protobuf-es renames the method toString/),

  // Names and values the validator refuses before any code exists.
  {
    name: "design: RPC name with markup",
    argv: GENERATE,
    files: design({ rpcName: "GetPerson<script>" }),
    exit: 1,
    stderr: [/PascalCase/],
    never: [NO_CODE],
  },
  {
    name: "design: RPC name with a newline and code",
    argv: GENERATE,
    files: design({ rpcName: "Get\nfn pwned(){}" }),
    exit: 1,
    stderr: [/PascalCase/],
    never: [NO_CODE, INJECTED_LINE],
  },
  {
    name: "design: field name with a newline and a Rust function",
    argv: GENERATE,
    files: design({ request: [field("team_id", "int64"), field("x}\nfn pwned(){}", "int64")] }),
    exit: 2,
    stderr: [/request\.1\.name: Field name "x}\\nfn pwned\(\)\{\}" must be snake_case/],
    never: [NO_CODE, INJECTED_LINE],
  },
  {
    name: "design: field name with a space",
    argv: GENERATE,
    files: design({ request: [field("team id", "int64")] }),
    exit: 2,
    stderr: [/must be snake_case/],
    never: [NO_CODE],
  },
  {
    name: "design: field name in capitals (Self)",
    argv: GENERATE,
    files: design({ request: [field("Self", "int64")] }),
    exit: 2,
    stderr: [/Field name "Self" must be snake_case/],
    never: [NO_CODE],
  },
  {
    name: "design: field name of 65 characters",
    argv: GENERATE,
    files: design({ request: [field(`a${"b".repeat(64)}`, "int64")] }),
    exit: 2,
    stderr: [/request\.0\.name is longer than 64 characters/],
    never: [NO_CODE],
  },
  {
    name: "design: unknown field type",
    argv: GENERATE,
    files: design({ request: [field("team_id", "Widget")] }),
    exit: 2,
    stderr: [/Unknown type "Widget"/],
    never: [NO_CODE],
  },
  {
    name: "design: field type carrying proto code",
    argv: GENERATE,
    files: design({ request: [field("team_id", "int64 x = 1; }\nmessage Pwned {")] }),
    exit: 2,
    stderr: [/Unknown type "int64 x = 1; }\\nmessage Pwned \{"/],
    never: [NO_CODE, INJECTED_LINE],
  },
  {
    name: "design: table name with SQL",
    argv: GENERATE,
    files: design({ tables: ["posthog_person; DROP TABLE posthog_person"] }),
    exit: 2,
    stderr: [/tables must be a list of table names/],
    never: [NO_CODE],
  },
  {
    name: "design: table name with a newline and a comment closer",
    argv: GENERATE,
    files: design({ tables: ["posthog_person\n*/ fn pwned() {}"] }),
    exit: 2,
    stderr: [/tables must be a list of table names/],
    never: [NO_CODE, INJECTED_LINE],
  },
  {
    name: "design: a table outside personhog",
    argv: GENERATE,
    files: design({ tables: ["posthog_team"] }),
    exit: 1,
    stderr: [/posthog_team is not a personhog table/],
  },
  {
    name: "design: shared response name with code",
    argv: GENERATE,
    files: design({ response: { kind: "shared", name: "GroupsResponse\n}\nmessage Pwned {" } }),
    exit: 2,
    stderr: [/is not a shared response/],
    never: [NO_CODE, INJECTED_LINE],
  },

  // The SQL, which becomes the string argument of a sqlx macro.
  {
    name: "design: SQL closing the raw string",
    argv: GENERATE,
    files: design({
      sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND '\"#\n}\nfn pwned(){}\nr#\"' = ''",
    }),
    exit: 0,
    stdout: [/sqlx::query_scalar!\(\n\s+r##"\n/],
  },
  {
    name: "design: SQL needing more than 255 hashes",
    argv: GENERATE,
    files: design({
      sql: `SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND '"${"#".repeat(300)}' = ''`,
    }),
    exit: 0,
    stdout: [/sqlx::query_scalar!\(\n\s+"\n/, /AND '\\"#{300}'/],
    never: [/r#{256,}"/],
  },
  {
    name: "design: SQL with a right-to-left override",
    argv: GENERATE,
    files: design({
      sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND 'a\u202e' = ''",
    }),
    exit: 0,
    stdout: [/AND 'a\\u\{202e\}' = ''/],
    never: [RAW.rlo],
  },
  {
    name: "design: SQL with carriage returns and a line separator",
    argv: GENERATE,
    files: design({
      sql: "SELECT COUNT(*)\r\nFROM posthog_person\rWHERE team_id = $1 -- \u2028 x",
    }),
    exit: 0,
    stdout: [/WHERE team_id = \$1 -- \\u\{2028\} x/],
    never: [RAW.cr, RAW.ls],
  },
  {
    name: "design: 20,000 characters of SQL with 40 placeholders",
    argv: GENERATE,
    files: design({
      sql: `SELECT ${"a.".repeat(9_000)} = ${Array.from({ length: 40 }, (_, i) => `$${i + 1}`).join(" = ")}`,
      request: Array.from({ length: 40 }, (_, i) => field(`f${i}`, "int64")),
    }),
    exit: 0,
    stdout: [/f39/],
  },
];
