import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { rpcNameProblems } from "../design/rpc-name";
import { base64UrlToBytes, bytesToBase64Url } from "./base64url";
import { DESIGN_KEYS } from "./design-keys";
import { inflateBounded } from "./deflate";
import { linkPayload } from "./encode";
import { decodeDesignLink, encodeDesignLink, MAX_FRAGMENT_LENGTH } from ".";
import { dataOf, dLink, withData, zLink } from "./test-links";

/** Every row damages a link to this design; it differs from the empty design in most fields. */
const SOURCE = DESIGN_FIXTURES["person-write-guide"]!;
const LINK = await encodeDesignLink(SOURCE);
const JSON_TEXT = linkPayload(SOURCE);
const BYTES = base64UrlToBytes(dataOf(LINK)).bytes;
const ALL = DESIGN_KEYS;
const but = (...keys: (keyof Design)[]) => ALL.filter((key) => !keys.includes(key));

const cut = (fraction: number) => LINK.slice(0, Math.round(LINK.length * fraction));
function flipBit(at: number): string {
  const bytes = BYTES.slice();
  bytes[at]! ^= 16;
  return withData(LINK, bytesToBase64Url(bytes));
}
/**
 * A flipped bit from the middle on that breaks the deflate stream itself, not only its checksum:
 * which byte does depends on the link's bytes, so it is found rather than hard-coded.
 */
async function breakStreamMidway(): Promise<string> {
  for (let at = Math.floor(BYTES.length / 2); at < BYTES.length; at++) {
    const link = flipBit(at);
    const inflated = await inflateBounded(base64UrlToBytes(dataOf(link)).bytes, 1 << 20);
    if (inflated.kind === "failed" && inflated.damage.includes("not valid")) return link;
  }
  throw new Error("no flip from the middle on breaks the stream");
}
/** The first character from the 40th on whose lowest bit, flipped, leaves the base64url alphabet. */
function flipChar(data: string): string {
  for (let i = 40; ; i++) {
    const flipped = String.fromCharCode(data.charCodeAt(i) ^ 1);
    if (!/[\w-]/.test(flipped)) return data.slice(0, i) + flipped + data.slice(i + 1);
  }
}
/** The source's JSON with one member replaced (or added). */
const replaced = (key: string, value: unknown) =>
  zLink(JSON.stringify({ ...JSON.parse(JSON_TEXT), [key]: value }));
/** The source's JSON with raw member text put first. */
const prefixed = (member: string) => zLink(JSON_TEXT.replace(/^\{/, `{${member},`));

interface Row {
  readonly name: string;
  readonly link: string;
  /** Some warning must match. */
  readonly message: RegExp;
  /** Fields equal to the source's after decoding; null when nothing may be loaded. */
  readonly kept: readonly (keyof Design)[] | null;
  /** Other fields the design must hold. */
  readonly holds?: Partial<Design>;
}

const ROWS: Row[] = [
  // Cut off: a chat tool shortened the URL.
  { name: "cut inside the version", link: "#v", message: /has no format version/, kept: null },
  { name: "cut before the data", link: "#v=4&", message: /has no design data \(z\)/, kept: null },
  {
    name: "cut 10 characters into the data",
    link: LINK.slice(0, 17),
    message: /^The link was cut off \(.*\); nothing could be read from it\.$/,
    kept: null,
  },
  {
    name: "cut at 30%",
    link: cut(0.3),
    message:
      /was cut off .*Kept: "Code layout", "RPC name", "Domain \(proto file\)", "Tables"; lost the rest\./,
    kept: ["target", "rpcName", "domain", "tables"],
  },
  {
    name: "cut at 50%",
    link: cut(0.5),
    message:
      /was cut off .*Kept: "Code layout", .*, "Carries read_options"; lost from "How is a second delivery safe\?" onwards\./,
    kept: ["target", "rpcName", "domain", "tables", "operation", "batch", "readOptions"],
    holds: { leaderSafety: EMPTY_DESIGN.leaderSafety },
  },
  {
    name: "cut at 90%, and the missing field named",
    link: cut(0.9),
    message:
      /^"SQL" was missing from the link; a new RPC's value is used: check it on the Access pattern step\.$/,
    kept: but("sql"),
    holds: { sql: "" },
  },
  {
    name: "cut inside the checksum",
    link: LINK.slice(0, -2),
    message: /was cut off .*; its whole design was read but cannot be trusted\./,
    kept: ALL,
  },
  // Damaged: bits flipped in transit.
  {
    name: "bit flipped in the zlib header",
    link: flipBit(0),
    message: /^The link is damaged \(its compressed data is not valid\); nothing could be read/,
    kept: null,
  },
  {
    name: "bit flipped mid-stream",
    link: await breakStreamMidway(),
    message: /is damaged \(its compressed data is not valid\)\. Kept: "Code layout", "RPC name", /,
    kept: ["target", "rpcName", "domain", "tables", "operation"],
  },
  {
    name: "bit flipped in the checksum",
    link: flipBit(BYTES.length - 1),
    message: /is damaged \(checksum mismatch\); its whole design was read but cannot be trusted/,
    kept: ALL,
  },
  {
    name: "bit flipped in a base64 character",
    link: withData(LINK, flipChar(dataOf(LINK))),
    message: /is damaged \(character \d+ of its data, "[^"]", is not base64url\)/,
    kept: null,
  },
  // Versions.
  {
    name: "version 0",
    link: LINK.replace("v=4", "v=0"),
    message: /format version 0 is unknown; this workbench reads versions 1 to 4/,
    kept: null,
  },
  {
    name: "version 5",
    link: LINK.replace("v=4", "v=5"),
    message: /made by a newer workbench \(format version 5\).*read as version 4/,
    kept: ALL,
  },
  {
    name: "version 99",
    link: LINK.replace("v=4", "v=99"),
    message: /made by a newer workbench \(format version 99\)/,
    kept: ALL,
  },
  {
    name: 'version "abc"',
    link: LINK.replace("v=4", "v=abc"),
    message: /format version "abc" is not a number; nothing was loaded/,
    kept: null,
  },
  {
    name: "no version",
    link: LINK.replace("v=4&", ""),
    message: /has no format version \(v\); nothing was loaded/,
    kept: null,
  },
  {
    name: "a v4 link labelled version 2",
    link: LINK.replace("v=4", "v=2"),
    message: /version 2 link has no design data \(d\)/,
    kept: null,
  },
  {
    name: "a future version without v4 data",
    link: "#v=7&q=abc",
    message: /unknown part "q"/,
    kept: null,
  },
  {
    name: "v1 with neither field",
    link: "#v=1",
    message: /holds neither name nor sql/,
    kept: null,
  },
  {
    name: "v1 without its SQL",
    link: "#v=1&name=GetThing",
    message: /version 1 link has no sql; the worked example's is used/,
    kept: [],
    holds: { rpcName: "GetThing" },
  },
  // Size bounds.
  {
    name: "oversized fragment",
    link: `#v=4&z=${"A".repeat(MAX_FRAGMENT_LENGTH)}`,
    message: new RegExp(
      `${MAX_FRAGMENT_LENGTH + 6} characters long, over the limit of ${MAX_FRAGMENT_LENGTH}; it was refused`,
    ),
    kept: null,
  },
  {
    name: "zip bomb: 10 MB of spaces",
    link: await zLink(" ".repeat(10_000_000)),
    message: /expands past 512 KB, more than any design needs; it was refused/,
    kept: null,
  },
  {
    name: "zip bomb: a design with a 10 MB name",
    link: await replaced("rpcName", "x".repeat(10_000_000)),
    message: /expands past 512 KB/,
    kept: null,
  },
  // Not a design.
  {
    name: "valid data of non-JSON text",
    link: await zLink("<html>hello</html>"),
    message: /^The link does not hold JSON; nothing could be read from it\.$/,
    kept: null,
  },
  {
    name: "v2 data of non-JSON text",
    link: dLink("hello"),
    message: /does not hold JSON/,
    kept: null,
  },
  {
    name: "v2 data that is not UTF-8",
    link: dLink(new Uint8Array([0x7b, 0x22, 0xff, 0xfe])),
    message: /is damaged \(its text is not UTF-8 after byte 2\); nothing could be read/,
    kept: null,
  },
  {
    name: "v2 data cut off",
    link: dLink('{"rpcName":"GetThing","domain":"group","sql":"SELECT').slice(0, -3),
    message: /was cut off\. Kept: "RPC name", "Domain \(proto file\)"; lost from "SQL" onwards/,
    kept: [],
    holds: { rpcName: "GetThing", domain: "group" },
  },
  {
    name: "JSON array",
    link: await zLink("[1,2]"),
    message: /holds a list, not a design/,
    kept: null,
  },
  {
    name: "JSON number",
    link: await zLink("42"),
    message: /holds a number, not a design/,
    kept: null,
  },
  { name: "JSON null", link: await zLink("null"), message: /holds null, not a design/, kept: null },
  {
    name: "JSON string",
    link: await zLink('"x"'),
    message: /holds text, not a design/,
    kept: null,
  },
  {
    name: "empty object",
    link: await zLink("{}"),
    message: /none of the design's fields/,
    kept: null,
  },
  {
    name: "a payload with only a name",
    link: await zLink('{"rpcName":"OnlyName"}'),
    message:
      /"Request fields" was missing from the link; a new RPC's value is used: check it on the Proto step/,
    kept: [],
    holds: { rpcName: "OnlyName", request: EMPTY_DESIGN.request, sql: "" },
  },
  {
    name: "text after the design",
    link: await zLink(`${JSON_TEXT} trailing`),
    message:
      /has extra text after its design\. Kept: .*"SQL"; what followed the design was ignored/,
    kept: ALL,
  },
  // Duplicate keys: JSON.parse keeps the last copy, another reader may take the first.
  {
    name: "a key given twice at the top level",
    link: await prefixed('"sql":"SELECT 1"'),
    message: /^The key "sql" is given more than once; only its last copy was read\.$/,
    kept: ALL,
  },
  {
    name: "a key given twice in a request field",
    link: await zLink(JSON_TEXT.replace('{"name":"team_id"', '{"name":"other","name":"team_id"')),
    message: /^The key "request\.0\.name" is given more than once; only its last copy was read\.$/,
    kept: ALL,
  },
  // Prototype pollution.
  {
    name: "__proto__ at the top level",
    link: await prefixed('"__proto__":{"polluted":"yes"}'),
    message: /^The key "__proto__" at the top level was dropped/,
    kept: ALL,
  },
  {
    name: "constructor at the top level",
    link: await prefixed('"constructor":{"prototype":{"polluted":"yes"}}'),
    message: /The key "constructor" at the top level was dropped/,
    kept: ALL,
  },
  {
    name: "__proto__ in a request field",
    link: await zLink(
      JSON_TEXT.replace('{"name":"team_id"', '{"__proto__":{"polluted":"yes"},"name":"team_id"'),
    ),
    message: /The key "__proto__" in request\.0 was dropped/,
    kept: ALL,
  },
  {
    name: "prototype nested in the response",
    link: await zLink(
      JSON_TEXT.replace(
        '"response":{',
        '"response":{"constructor":{"prototype":{"polluted":"yes"}},',
      ),
    ),
    message: /The key "constructor" in response was dropped/,
    kept: ALL,
  },
  {
    name: "__proto__ in a v2 delta",
    link: dLink('{"__proto__":{"polluted":"yes"},"rpcName":"GetThing"}'),
    message: /The key "__proto__" at the top level was dropped/,
    kept: [],
    holds: { rpcName: "GetThing" },
  },
  // Unknown and invalid fields.
  {
    name: "unknown field",
    link: await replaced("colour", "red"),
    message: /Unknown field "colour" was ignored/,
    kept: ALL,
  },
  {
    name: "unknown fragment part",
    link: `${LINK}&utm_source=chat`,
    message: /unknown part "utm_source"; it was ignored/,
    kept: ALL,
  },
  {
    name: "a bad omitted list",
    link: await replaced("omitted", ["sql", "everything"]),
    message: /omitted must list parts among sql, comments; \["everything"\] was ignored/,
    kept: ALL,
  },
  {
    name: "a hundred unknown fields",
    link: await zLink(
      JSON.stringify({
        ...JSON.parse(JSON_TEXT),
        ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x${i}`, i])),
      }),
    ),
    message: /^…and 90 more unknown fields were ignored\.$/,
    kept: ALL,
  },
  {
    name: "data given twice",
    link: `${LINK}&z=${dataOf(await zLink('{"rpcName":"Other"}'))}`,
    message: /^The link has its part "z" more than once; only the first was read\.$/,
    kept: ALL,
  },
  {
    name: "more problems than a reader can use",
    link: await replaced(
      "request",
      Array.from({ length: 40 }, (_, i) => ({ name: `Bad${i}`, type: "nope" })),
    ),
    message: /^…and \d+ more problems with this link\.$/,
    kept: but("request"),
  },
  {
    name: "nesting deeper than any design",
    link: await replaced("response", JSON.parse("[".repeat(20) + "]".repeat(20))),
    message: /response(\.0)+ is nested more than 16 levels deep; it was dropped/,
    kept: but("response"),
  },
];

/** Wrong types, one per kind of field: each falls back (to the empty design's value) with a message. */
const WRONG_TYPES: [keyof Design, unknown, RegExp, unknown?][] = [
  [
    "target",
    5,
    /^"Code layout" must be one of guide, current; got 5\. A default is used in its place; check it at the top of the workbench\.$/,
  ],
  ["rpcName", 7, /"RPC name" must be text/],
  ["domain", "people", /"Domain \(proto file\)" must be one of/],
  ["tables", "posthog_person", /"Tables" must be a list of table names/],
  // validate.ts falls back to PersonData here, the stricter classification.
  [
    "categoryOverride",
    "Both",
    /"Classify the RPC by its purpose" must be one of PersonData, NonPersonData/,
    "PersonData",
  ],
  ["operation", "delete", /"Does the RPC read or write\?" must be one of read, write/],
  ["consistency", ["strong"], /"Consistency" must be one of eventual, strong/],
  ["batch", null, /"Batch" must be one of/],
  ["sql", { text: "SELECT 1" }, /"SQL" must be text/],
  ["request", {}, /"Request fields" must be a list of fields/],
  ["readOptions", "yes", /"Carries read_options" must be true or false/],
  ["response", [], /"Response" must be a new message with fields or a shared response/],
  ["leaderSafety", 3, /"How is a second delivery safe\?" must say how the write converges/],
  ["nodeLayout", 1, /"Node client layout" must be one of .* check it in the Node client code\./],
];
for (const [key, value, message, fallback = EMPTY_DESIGN[key]] of WRONG_TYPES)
  ROWS.push({
    name: `wrong type for ${key}`,
    link: await replaced(key, value),
    message,
    kept: but(key),
    holds: { [key]: fallback },
  });
ROWS.push({
  name: "wrong type inside a field",
  link: await zLink(JSON_TEXT.replace('"optional":false', '"optional":"no"')),
  message:
    /^"Request fields, field 1, optional" must be true or false\. A default is used in its place; check it on the Proto step\.$/,
  kept: but("request"),
});

describe("bad links", () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  for (const row of ROWS) {
    it(`${row.name}: says so and keeps what is valid`, async () => {
      const started = performance.now();
      const decoded = await decodeDesignLink(row.link);
      assert.ok(performance.now() - started < 1000, "decoded quickly");
      assert.ok(
        decoded.warnings.some((w) => row.message.test(w)),
        `no warning matches ${row.message}:\n${decoded.warnings.join("\n")}`,
      );
      if (row.kept === null) assert.equal(decoded.design, null);
      else {
        assert.ok(decoded.design, "a design");
        for (const key of row.kept) assert.deepEqual(decoded.design[key], SOURCE[key], key);
        for (const [key, value] of Object.entries(row.holds ?? {}))
          assert.deepEqual(decoded.design[key as keyof Design], value, key);
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys);
    });
  }

  it("returns nothing, silently, for an empty fragment or a URL without one", async () => {
    for (const input of [
      "",
      "#",
      "  ",
      "http://localhost:3000/wizard",
      "http://localhost:3000/wizard#",
    ])
      assert.deepEqual(await decodeDesignLink(input), {
        design: null,
        warnings: [],
        omitted: [],
        version: null,
      });
  });

  it("keeps script in names, SQL and comments as plain text, and evaluates none of it", async () => {
    const probe = "globalThis.__linkScriptRan = true";
    const design: Design = {
      ...SOURCE,
      rpcName: `<script>${probe}</script>`,
      sql: `SELECT 1; -- </script><script>${probe}</script>`,
      request: [
        { ...SOURCE.request[0]!, name: `<img src=x onerror="${probe}">` },
        { ...SOURCE.request[1]!, comment: `<svg onload="${probe}">` },
      ],
    };
    const decoded = await decodeDesignLink(await encodeDesignLink(design));
    assert.deepEqual(decoded.design, design);
    assert.ok(
      decoded.warnings.some((w) => /Field name "<img src=x onerror=.*must be snake_case/.test(w)),
      decoded.warnings.join("\n"),
    );
    assert.ok(rpcNameProblems(decoded.design.rpcName).length > 0, "the name's own check flags it");
    assert.equal((globalThis as Record<string, unknown>).__linkScriptRan, undefined);
  });

  it("never names a prototype key without dropping it", async () => {
    const decoded = await decodeDesignLink(
      await prefixed('"__proto__":{"rpcName":"FromPrototype"}'),
    );
    assert.equal(decoded.design?.rpcName, SOURCE.rpcName);
    assert.equal(Object.getPrototypeOf(decoded.design), Object.prototype);
  });
});
