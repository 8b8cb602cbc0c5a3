/**
 * Test data: text an attacker would put in a design to break out of a comment, a string or an
 * identifier in some generated language. Each piece plants MARKER where code would run if the
 * escape failed, so a test can look for it among a real parser's tokens.
 */
import fc from "fast-check";

/** An identifier no design name can be (field names are lower snake_case). */
export const MARKER = "PWNED_MARKER_1";
const M = MARKER;

export const HOSTILE_PIECES: readonly string[] = [
  `k\n}\nfn ${M}(){std::process::exit(1)}\nfn x(){//`,
  `*/ ${M}(); /*`,
  `*/\n*/ ${M}`,
  `/* ${M}`,
  `--> ${M} <!--`,
  `"; ${M}(); "`,
  `'; ${M}(); '`,
  `\`; ${M}(); \``,
  `\${${M}}`,
  `"""\n${M}()\n"""`,
  `'''\n${M}()\n'''`,
  `}\n${M}\n{`,
  `#\n${M} = 1`,
  `\\\n${M}`,
  `\r${M} = 1`,
  `\r\n${M}();`,
  `\u2028${M}()`,
  `\u2029${M}()`,
  `\u0085${M}`,
  `\u000b\u000c${M}`,
  `\u202e${M}\u2066\u2069\u202c`,
  `\u200f\u061c${M}`,
  `\u0000${M}`,
  `\u001b[2K${M}`,
  `\ud800${M}\udfff`,
  `\ufeff${M}`,
  `\u200b\u200d\u2060\u00ad${M}`,
  `\u{e0001}\u{e0041}${M}\u{e007f}`,
  "Max 1\u200b000 per request.",
  `"#\n${M}\nr#"`,
  `"${"#".repeat(300)} ${M}`,
  `\n#[cfg(all())] fn ${M}() {}\n`,
  `\n\t  \n`,
  "Max 99999999999999999999999 per request",
  "Max 99999999999 per request",
  "Max 1e9",
  "Max 0",
  "Max 1,000 per request.",
];

/** A text of hostile pieces and ordinary words, up to `max` characters. */
export function hostileText(max = 500): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom("team", "Max", " ", "per request", "é́", "𝔘") },
  );
  return fc
    .array(piece, { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join("").slice(0, max));
}

/** Every hostile piece, then `n` reproducible samples of hostile and arbitrary text (the escape tests). */
export function hostileSamples(seed: number, n = 150): string[] {
  const texts = fc.oneof(hostileText(), fc.string({ unit: "binary", maxLength: 40 }));
  return [...HOSTILE_PIECES, ...fc.sample(texts, { numRuns: n, seed })];
}
