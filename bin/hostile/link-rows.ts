/**
 * Attacks through share links, design files and the usage of `link encode`, `link decode` and
 * `pr-description`: Markdown injection, terminal escapes, damaged and oversized links, bad input
 * files. Every design carries the worked example's query, which passes: a design with no SQL is
 * "nothing checked" and exits 1. The runner boots the CLI's lab once before the rows, so a check
 * costs a fraction of a second.
 */
import { deflate } from "../../lib/link/deflate";
import { bytesToBase64Url } from "../../lib/link/base64url";
import { zLink } from "../../lib/link/test-links";
import type { HostileRow } from "./row";

const ORIGIN = "http://localhost:3000";

/** Every key a link carries (one missing is damage), with SQL that passes the lab. */
const BASE = {
  target: "guide",
  rpcName: "GetThingCount",
  domain: "person",
  tables: ["posthog_person"],
  categoryOverride: null,
  operation: "read",
  consistency: "eventual",
  batch: "single",
  sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND is_deleted = false",
  request: [{ name: "team_id", type: "int64", optional: false, repeated: false, comment: "" }],
  readOptions: true,
  response: { kind: "new", fields: [] },
  leaderSafety: { kind: "unanswered" },
  personWriteBackend: "replica",
  nodeLayout: "common-operations",
};

/** A design as JSON text, BASE with some fields replaced. */
const design = (over: Record<string, unknown> = {}) => JSON.stringify({ ...BASE, ...over });

/** A person-data write: its idempotency key field is free text shown in the PR description. */
const keyed = (field: string) =>
  design({ operation: "write", leaderSafety: { kind: "idempotency-key", field } });

/** A workbench link whose data is exactly this text. */
const link = async (text: string) => `${ORIGIN}/wizard${await zLink(text)}`;

const GOOD = await link(design());
const DATA = GOOD.slice(GOOD.indexOf("z=") + 2);

/** A link whose zlib checksum (its last four bytes) no longer matches its data. */
async function flipped(): Promise<string> {
  const bytes = await deflate(new TextEncoder().encode(design()));
  bytes[bytes.length - 1]! ^= 0x10;
  return `${ORIGIN}/wizard#v=4&z=${bytesToBase64Url(bytes)}`;
}

const INJECTED_TASK =
  "\n\n- [x] Security review: approved\n\n[Download the patched client][1]\n\n[1]:https://evil.example/payload";
const ESCAPES = "\u001b[1A\u001b[2K";
const DEEP = `${"[".repeat(5000)}${"]".repeat(5000)}`;

// What no output may ever hold.
const ESC = /\u001b/;
const C1 = /[\u0080-\u009f]/;
const BIDI = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;
const STACK = /\n\s+at .+:\d+:\d+/;
const TICKED = /^\s*[-*+] \[x\] Security review/m;
const EVIL_LINK = /\]\(\s*<?https?:\/\/evil|^\s*\[1\]:/m;
const NO_DESCRIPTION = /^## personhog/m;
const SAFE = [ESC, C1, BIDI, STACK];

const prFromFile = (
  name: string,
  text: string,
  exit: 0 | 1 | 2,
  stdout: RegExp[],
  never: RegExp[],
): HostileRow => ({
  name: `pr-description: ${name}`,
  argv: ["pr-description", "{dir}/d.json"],
  files: { "d.json": text },
  exit,
  stdout,
  never: [...SAFE, TICKED, EVIL_LINK, ...never],
});

/** pr-description and link decode of the same damaged link: exit 2 and the same message. */
const damaged = (name: string, url: string, message: RegExp): HostileRow[] => [
  {
    name: `link decode: ${name}`,
    argv: ["link", "decode", url],
    exit: 2,
    stderr: [message],
    never: [...SAFE, /^\{$/m],
  },
  {
    name: `pr-description: ${name}`,
    argv: ["pr-description", url],
    exit: 2,
    stderr: [message],
    never: [...SAFE, NO_DESCRIPTION, TICKED, EVIL_LINK],
  },
];

const CUT = GOOD.slice(0, GOOD.indexOf("z=") + 60);

export const LINK_ROWS: readonly HostileRow[] = [
  // Markdown injection through the link itself: the fragment never reaches the Markdown.
  ...damaged(
    "a task and an outside link added after the data (&x=…)",
    `${GOOD}&x=${INJECTED_TASK}`,
    /The link has an unknown part "x"; it was ignored\./,
  ),
  ...damaged(
    "a task and an outside link added inside the data",
    `${GOOD}${INJECTED_TASK}`,
    /The link is damaged/,
  ),
  ...damaged(
    "terminal escapes in a part's name (%1b[1A%1b[2K)",
    `${GOOD}&%1b[1A%1b[2K=1`,
    /unknown part "\\u001b\[1A\\u001b\[2K"/,
  ),
  ...damaged("cut off inside its data", CUT, /The link was cut off/),
  ...damaged("one byte of its compressed data changed", await flipped(), /checksum mismatch/),
  ...damaged(
    "characters outside base64url in its data",
    `${ORIGIN}/wizard#v=4&z=${DATA.slice(0, 30)}!*'()${DATA.slice(30)}`,
    /The link is damaged/,
  ),
  ...damaged(
    "%00 in its data",
    `${ORIGIN}/wizard#v=4&z=${DATA.slice(0, 30)}%00${DATA.slice(30)}`,
    /The link is damaged/,
  ),
  ...damaged(
    "its data given twice",
    `${GOOD}&z=${DATA.slice(0, 20)}`,
    /The link has its part "z" more than once; only the first was read\./,
  ),
  ...damaged(
    "its version given twice",
    GOOD.replace("#v=4", "#v=4&v=1"),
    /The link has its part "v" more than once/,
  ),
  ...damaged(
    "version 0",
    GOOD.replace("#v=4", "#v=0"),
    /format version 0 is unknown; this workbench reads versions 1 to 4/,
  ),
  ...damaged(
    "a version from the future",
    GOOD.replace("#v=4", "#v=99"),
    /made by a newer workbench \(format version 99\)/,
  ),
  ...damaged(
    "a version that is not a number",
    GOOD.replace("#v=4", "#v=4%1b[2K"),
    /format version "4\\u001b\[2K" is not a number/,
  ),
  ...damaged("no version", GOOD.replace("#v=4&", "#"), /The link has no format version/),
  ...damaged(
    "over the 48 KB bound",
    `${GOOD}${"A".repeat(49 * 1024)}`,
    /over the limit of 49152; it was refused/,
  ),
  ...damaged(
    "a zip bomb (1 MB of spaces in a few hundred bytes)",
    await link(`{"rpcName":"A","sql":"${" ".repeat(1024 * 1024)}"}`),
    /expands past 512 KB, more than any design needs; it was refused/,
  ),
  ...damaged("data that is not JSON", await link("hello"), /does not hold JSON|not JSON/),
  ...damaged("a list instead of a design", await link("[1,2]"), /holds a list, not a design/),
  ...damaged(
    "JSON nested 5,000 deep",
    await link(`{"rpcName":"A","target":${DEEP}}`),
    /nested more than 16 levels deep; it was dropped/,
  ),
  ...damaged(
    "a __proto__ key",
    await link(design().replace("{", '{"__proto__":{"rpcName":"Polluted"},')),
    /The key "__proto__" at the top level was dropped/,
  ),
  ...damaged(
    "a misspelled key (rpcname)",
    await link(design({ rpcname: "X" })),
    /Unknown field "rpcname" was ignored; did you mean "rpcName"\?/,
  ),
  ...damaged(
    "a field name carrying a task list",
    await link(design({ request: [{ name: `team_id${INJECTED_TASK}`, type: "int64" }] })),
    /must be snake_case/,
  ),
  ...damaged(
    "a table name carrying a heading",
    await link(design({ tables: ["posthog_person\n# Approved"] })),
    /"Tables" must be a list of table names/,
  ),
  {
    name: "link decode: a URL with no fragment",
    argv: ["link", "decode", `${ORIGIN}/review`],
    exit: 2,
    stderr: [/The URL has no design in its fragment/],
  },
  {
    name: "pr-description: a URL whose fragment is empty",
    argv: ["pr-description", `${ORIGIN}/review#`],
    exit: 2,
    stderr: [/The URL has no design in its fragment/],
    never: [NO_DESCRIPTION],
  },

  // Text from a whole, valid link reaches the terminal and the Markdown only escaped.
  {
    name: "link decode: terminal escapes and bidi controls in the RPC name",
    argv: ["link", "decode", await link(design({ rpcName: `Get${ESCAPES}\u202eThing\u2066` }))],
    exit: 0,
    stdout: [/"rpcName": "Get\\u001b\[1A\\u001b\[2K\\u202eThing\\u2066"/],
    never: SAFE,
  },
  {
    name: "link decode: C1 controls, DEL and separators in a field comment",
    argv: [
      "link",
      "decode",
      await link(
        design({
          request: [{ name: "team_id", type: "int64", comment: "a\u009b2K\u0085\u007f\u2028b" }],
        }),
      ),
    ],
    exit: 0,
    stdout: [/"comment": "a\\u009b2K\\u0085\\u007f\\u2028b"/],
    never: [...SAFE, /\u007f/],
  },
  {
    name: "pr-description: terminal escapes and bidi controls in the RPC name",
    argv: ["pr-description", await link(design({ rpcName: `Get${ESCAPES}\u202eThing` }))],
    exit: 0,
    stdout: [/^## personhog: add the `Get\\u001b\[1A\\u001b\[2K\\u202eThing` RPC$/m],
    never: SAFE,
  },
  {
    name: "pr-description: zero-width characters and tag characters in the RPC name",
    argv: ["pr-description", await link(design({ rpcName: "Get\u200bThing\u{e0041}" }))],
    exit: 0,
    stdout: [/`Get\\u200bThing\\udb40\\udc41`/],
    never: [...SAFE, /[\u{e0000}-\u{e007f}]/u],
  },
  {
    name: "pr-description: backticks and a link in the RPC name stay in one code span",
    argv: [
      "pr-description",
      await link(design({ rpcName: "Get`` ` ``[x](https://evil.example)" })),
    ],
    exit: 0,
    stdout: [/^## personhog: add the ```Get`` ` ``\[x\]\(https:\/\/evil\.example\)``` RPC$/m],
    never: [...SAFE, /^[^`\n]*\]\(https:\/\/evil/m],
  },
  {
    name: "pr-description: a heading and HTML in the RPC name stay on the title line",
    argv: [
      "pr-description",
      await link(design({ rpcName: "Get\n# Approved\n<script>alert(1)</script>" })),
    ],
    exit: 0,
    stdout: [/^## personhog: add the `Get # Approved <script>alert\(1\)<\/script>` RPC$/m],
    never: [...SAFE, /^# Approved/m, /^<script/m],
  },
  {
    name: "pr-description: its links are the design encoded afresh, not the link received",
    argv: ["pr-description", "--origin", "https://wb.example", GOOD],
    exit: 0,
    stdout: [
      /\[review it\]\(https:\/\/wb\.example\/review#v=4&z=[\w-]+\) · \[open it in the workbench\]\(https:\/\/wb\.example\/wizard#v=4&z=[\w-]+\)$/m,
    ],
    never: SAFE,
  },

  // Design text that reaches the PR description as plain text (the idempotency key field).
  prFromFile(
    "a ticked task and a reference link in a plain-text field",
    keyed("k\n\n- [x] Security review: approved\n[1]:https://evil.example/p"),
    0,
    [
      /idempotency key field k - \\\[x\\\] Security review: approved \\\[1\\\]:https\\:\/\/evil\.example\/p/,
    ],
    [],
  ),
  prFromFile(
    "HTML and an HTML comment in a plain-text field",
    keyed("<img src=x onerror=alert(1)><!--"),
    0,
    [/field \\<img src=x onerror=alert\(1\)\\>\\<!--/],
    [/(?<!\\)<img/],
  ),
  prFromFile(
    "a bare URL (GitHub autolinks it) in a plain-text field",
    keyed("https://evil.example/payload"),
    0,
    [/field https\\:\/\/evil\.example\/payload/],
    [/https:\/\/evil/],
  ),
  prFromFile(
    "a www. address in a plain-text field",
    keyed("www.evil.example"),
    0,
    [/field www\\\.evil\.example/],
    [/www\.evil/],
  ),
  prFromFile(
    "an email address and a team mention in a plain-text field",
    keyed("a@evil.example @security-team"),
    0,
    [/field a`@`evil\.example `@`security-team/],
    [/(?<!`)@/],
  ),
  prFromFile(
    "math, a table row and strikethrough in a plain-text field",
    keyed("$x$ | a | ~~b~~"),
    0,
    [/field \\\$x\\\$ \\\| a \\\| \\~\\~b\\~\\~/],
    [/(?<!\\)\$x/],
  ),
  prFromFile(
    "a fence and a heading in a plain-text field",
    keyed("```\n# Approved\n```"),
    0,
    [/field \\`\\`\\` # Approved \\`\\`\\`/],
    // The description's own SQL fence closes with a bare ``` line: only the injected one is wrong.
    [/^# Approved/m, /^```\n# Approved/m],
  ),
  prFromFile(
    "control and bidi characters in a plain-text field",
    keyed(`k${ESCAPES}\u202e\u0085`),
    0,
    [/field k\\\\u001b\\\[1A\\\\u001b\\\[2K\\\\u202e\\\\u0085/],
    [],
  ),

  // --origin: the one text that begins every link in the description.
  ...[
    ["a javascript: origin", "javascript:alert(1)//", /it starts with "javascript:a"/],
    [
      "a data: origin",
      "data:text/html,<script>alert(1)</script>",
      /it starts with "data:text\/ht"/,
    ],
    ["an origin with a query", "https://wb.example/?x=1", /it has a query or fragment/],
    ["an origin with a fragment", "https://wb.example/#x", /it has a query or fragment/],
    ["an origin naming a user", "https://wb.example@evil.example", /it names a user/],
    [
      "an origin with a task list after a newline",
      `https://wb.example/${INJECTED_TASK}`,
      /printable ASCII, no spaces/,
    ],
    ["an origin with terminal escapes", `https://wb.example/${ESCAPES}`, /printable ASCII/],
    ["an origin with Markdown in its path", "https://wb.example/a)[x](y", /its path may hold only/],
    ["an origin with a bad port", "https://wb.example:99999", /"99999" is not a port/],
    ["an empty origin", "", /it starts with ""/],
  ].map(([name, origin, message]): HostileRow => ({
    name: `pr-description: ${name as string}`,
    argv: ["pr-description", "--origin", origin as string, GOOD],
    exit: 2,
    stderr: [/--origin must be an http or https address/, message as RegExp],
    never: [...SAFE, NO_DESCRIPTION, TICKED],
  })),
  {
    name: "pr-description: an origin of many slashes is trimmed in linear time",
    argv: ["pr-description", `--origin=https://wb.example${"/".repeat(1900)}`, GOOD],
    exit: 0,
    stdout: [/\[review it\]\(https:\/\/wb\.example\/review#v=4&z=/],
  },
  {
    name: "pr-description: --origin given twice",
    argv: [
      "pr-description",
      "--origin",
      "https://a.example",
      "--origin",
      "https://b.example",
      GOOD,
    ],
    exit: 2,
    stderr: [/--origin may be given once/],
  },

  // Design files and standard input for link encode and pr-description.
  ...["link encode", "pr-description"].flatMap((command): HostileRow[] => {
    const argv = command.split(" ");
    const file = (name: string, text: string, exit: 0 | 2, stderr: RegExp[]): HostileRow => ({
      name: `${command}: ${name}`,
      argv: [...argv, "{dir}/d.json"],
      files: { "d.json": text },
      exit,
      stderr,
      never: SAFE,
    });
    return [
      file("a design file nested 5,000 deep", `{"rpcName":${DEEP}}`, 2, [
        /d\.json nests its JSON 5001 levels deep; a design needs 4, and more than 16 is refused\./,
      ]),
      file("misspelled keys", design({ requests: [], rpcname: "X" }), 0, [
        /warning: Unknown field "requests" was ignored; did you mean "request"\?/,
        /warning: Unknown field "rpcname" was ignored; did you mean "rpcName"\?/,
      ]),
      file(
        "a misspelled key inside a field",
        design({ request: [{ nmae: "team_id", name: "team_id", type: "int64" }] }),
        0,
        [/warning: request\.0\.nmae: Unknown field "nmae" was ignored; did you mean "name"\?/],
      ),
      file(
        "__proto__ and constructor keys",
        design().replace("{", '{"__proto__":{"x":1},"constructor":{},'),
        0,
        [
          /The key "__proto__" at the top level was dropped/,
          /The key "constructor" at the top level was dropped/,
        ],
      ),
      file("a design file holding a list", "[1,2,3]", 2, [/d\.json holds a list, not a design/]),
      file("an empty file", "", 2, [/d\.json is empty; a design is a JSON object\./]),
      file("JSON cut off", design().slice(0, 40), 2, [/d\.json is not JSON: /]),
      file("terminal escapes in a misspelled key", design({ [`x${ESCAPES}`]: 1 }), 0, [
        /Unknown field "x\\u001b\[1A\\u001b\[2K" was ignored/,
      ]),
      {
        name: `${command}: control characters instead of JSON`,
        argv: [...argv, "{dir}/d.json"],
        files: { "d.json": `\u0000\u0001${ESCAPES}{` },
        exit: 2,
        stderr: [/d\.json is not JSON/],
        never: SAFE,
      },
      {
        name: `${command}: binary that is not UTF-8 (an executable)`,
        argv: [...argv, "/bin/true"],
        exit: 2,
        stderr: [/\/bin\/true is not UTF-8 text \(byte \d+ is not valid UTF-8\)\./],
        never: SAFE,
      },
      {
        name: `${command}: a directory as the design`,
        argv: [...argv, "{dir}"],
        exit: 2,
        stderr: [/cannot read .+: it is a directory, not a file\./],
        never: SAFE,
      },
      {
        name: `${command}: a missing file`,
        argv: [...argv, "{dir}/missing.json"],
        exit: 2,
        stderr: [/cannot read .+missing\.json: no such file\./],
        never: SAFE,
      },
      {
        name: `${command}: /dev/zero as the design`,
        argv: [...argv, "/dev/zero"],
        exit: 2,
        stderr: [/\/dev\/zero is larger than 1 MiB, far more than any design; not read\./],
      },
      {
        name: `${command}: standard input over 1 MiB`,
        argv: [...argv, "-"],
        stdin: " ".repeat(1024 * 1024 + 1),
        exit: 2,
        stderr: [/Standard input is larger than 1 MiB/],
      },
      {
        name: `${command}: empty standard input`,
        argv: [...argv, "-"],
        stdin: "",
        exit: 2,
        stderr: [/Standard input is empty/],
      },
    ];
  }),
  {
    name: "generate: a design file nested 5,000 deep",
    argv: ["generate", "{dir}/d.json"],
    files: { "d.json": `{"target":${DEEP}}` },
    exit: 2,
    stderr: [/nests its JSON 5001 levels deep/],
    never: SAFE,
  },
  {
    name: "generate: misspelled keys are warned about even when nothing is an error",
    argv: ["generate", "-"],
    stdin: design({ requests: [] }),
    exit: 0,
    stderr: [/warning: Unknown field "requests" was ignored; did you mean "request"\?/],
    stdout: [/message GetThingCountRequest/],
  },

  // Usage.
  {
    name: "link: no action",
    argv: ["link"],
    exit: 2,
    stderr: [/link takes: encode/],
  },
  {
    name: "link: an unknown action",
    argv: ["link", "frobnicate", GOOD],
    exit: 2,
    stderr: [/link takes: encode/],
  },
  {
    name: "link decode: two links",
    argv: ["link", "decode", GOOD, GOOD],
    exit: 2,
    stderr: [/link takes: encode/],
  },
  {
    name: "link encode: an unknown part to omit, with escapes in it",
    argv: ["link", "encode", "--omit", `sql,${ESCAPES}`, "-"],
    stdin: design(),
    exit: 2,
    stderr: [/--omit takes sql, comments; not \["\\u001b\[1A\\u001b\[2K"\]/],
    never: SAFE,
  },
  {
    name: "pr-description: no source",
    argv: ["pr-description"],
    exit: 2,
    stderr: [/pr-description takes \[--origin <url>\] and a design file, - or a share link/],
  },
  {
    name: "pr-description: two sources",
    argv: ["pr-description", GOOD, "{dir}/d.json"],
    exit: 2,
    stderr: [/pr-description takes/],
  },
  {
    name: "pr-description: an unknown option",
    argv: ["pr-description", "--orign", "https://wb.example"],
    exit: 2,
    stderr: [/pr-description takes/],
  },
  {
    name: "an unknown command with terminal escapes in it",
    argv: [`frob${ESCAPES}\u202e`],
    exit: 2,
    stderr: [/Unknown command "frob\\u001b\[1A\\u001b\[2K\\u202e"/],
    never: SAFE,
  },
];
