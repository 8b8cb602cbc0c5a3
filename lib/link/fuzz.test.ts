import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { validateDesign } from "../design/validate";
import { ALPHABET } from "./base64url";
import { DESIGN_KEYS } from "./design-keys";
import { fragmentOf } from "./fragment";
import { decodeDesignLink, encodeDesignLink, type DecodedLink } from ".";
import { zLink } from "./test-links";

const RUNS = { strings: 3000, urls: 1000, noise: 1500, payloads: 1000, mutations: 4000 };
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);

const BASE64URL = [...ALPHABET];
const PIECES = [..."#v=&zd1234A_-%+ ", "name", "sql"];

/** What must hold for any input: no throw, a message unless nothing was there, a sound design. */
async function soundDecode(input: string): Promise<DecodedLink> {
  const decoded = await decodeDesignLink(input);
  assert.ok(Array.isArray(decoded.warnings));
  assert.ok(decoded.warnings.every((w) => typeof w === "string" && w.length > 0));
  assert.ok(!decoded.warnings.some((w) => /internal error/.test(w)), decoded.warnings.join("\n"));
  if (fragmentOf(input) !== "")
    assert.ok(decoded.warnings.length > 0 || decoded.design !== null, "a message or a design");
  if (decoded.design) assert.deepEqual(validateDesign(decoded.design).design, decoded.design);
  return decoded;
}

/** The same as a property: fast-check wants no return value. */
const isSound = async (input: string) => {
  await soundDecode(input);
};

const LINKS: [Design, string][] = await Promise.all(
  [WORKED_EXAMPLE, ...Object.values(DESIGN_FIXTURES)].map(
    async (design): Promise<[Design, string]> => [design, await encodeDesignLink(design)],
  ),
);

type Mutation = (link: string) => string;
const at = (link: string, n: number) => n % (link.length + 1);
const MUTATIONS: fc.Arbitrary<{ kind: string; mutate: Mutation }> = fc.oneof(
  fc.nat().map((n) => ({ kind: "truncate", mutate: (l: string) => l.slice(0, at(l, n)) })),
  fc.tuple(fc.nat(), fc.constantFrom(...BASE64URL)).map(([n, ch]) => ({
    kind: "flip",
    mutate: (l: string) => {
      const i = 7 + (n % (l.length - 7));
      return l.slice(0, i) + ch + l.slice(i + 1);
    },
  })),
  fc.tuple(fc.nat(), fc.string({ unit: "binary", minLength: 1, maxLength: 3 })).map(([n, s]) => ({
    kind: "insert",
    mutate: (l: string) => l.slice(0, at(l, n)) + s + l.slice(at(l, n)),
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })).map(([n, count]) => ({
    kind: "delete",
    mutate: (l: string) => l.slice(0, at(l, n)) + l.slice(at(l, n) + count),
  })),
  fc.oneof(fc.nat(12).map(String), fc.string({ maxLength: 4 })).map((v) => ({
    kind: "version",
    mutate: (l: string) => l.replace("v=4", `v=${encodeURIComponent(v)}`),
  })),
  fc.tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.string()).map(([key, value]) => ({
    kind: "append",
    mutate: (l: string) => `${l}&x_${key}=${encodeURIComponent(value)}`,
  })),
);

describe(`decoding never throws and never fails silently: ${TOTAL} random and mutated links`, () => {
  it(`${RUNS.strings} random strings`, async () => {
    const strings = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 40 }),
    );
    await fc.assert(fc.asyncProperty(strings, isSound), { numRuns: RUNS.strings });
  });

  it(`${RUNS.urls} web URLs with queries and fragments`, async () => {
    const urls = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webPath(), fc.webFragments()).map(([path, hash]) => `${path}#${hash}`),
    );
    await fc.assert(fc.asyncProperty(urls, isSound), { numRuns: RUNS.urls });
  });

  it(`${RUNS.noise} "#v=4&z=" links of random base64url`, async () => {
    const noise = fc
      .tuple(
        fc.constantFrom("", "eJ", "eJy"),
        fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 300 }),
      )
      .map(([head, tail]) => `#v=4&z=${head}${tail}`);
    await fc.assert(fc.asyncProperty(noise, isSound), { numRuns: RUNS.noise });
  });

  it(`${RUNS.payloads} links of random JSON and random partial designs`, async () => {
    const keys = fc.constantFrom<string>(
      ...DESIGN_KEYS,
      "omitted",
      "__proto__",
      "constructor",
      "x",
    );
    const payloads = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 })).map((d) => JSON.stringify(d)),
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (text) => {
        await isSound(await zLink(text));
      }),
      { numRuns: RUNS.payloads },
    );
  });

  it(`${RUNS.mutations} mutated valid links: a changed design always comes with a warning`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LINKS), MUTATIONS, async ([design, link], mutation) => {
        const mutated = mutation.mutate(link);
        const decoded = await soundDecode(mutated);
        // The compressed data is untouched: the design must be too.
        if (mutation.kind === "append") assert.deepEqual(decoded.design, design);
        // Cut down to nothing it is no link at all, which the API answers without a message.
        if (decoded.warnings.length === 0 && fragmentOf(mutated) !== "")
          assert.deepEqual(decoded.design, design, mutated);
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it("counts at least 10,000 inputs", () => assert.ok(TOTAL >= 10_000));
});
