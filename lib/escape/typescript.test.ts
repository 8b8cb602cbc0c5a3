import { describe, it } from "node:test";
import assert from "node:assert/strict";
import ts from "typescript";
import { PROTOBUF_ES_RESERVED, TS_BINDING_RESERVED } from "./keywords";
import { itAnswersEach } from "../test-cases";
import CASES from "./typescript.cases.json" with { type: "json" };
import { tsParam, tsProperty } from "./typescript";

/** Parse and strict-mode binding errors of one module (no type checking, no lib). */
function errors(text: string): string[] {
  const file = ts.createSourceFile("m.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const options: ts.CompilerOptions = { noEmit: true, noLib: true, types: [], strict: true };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name) => (name === "m.ts" ? file : undefined);
  const program = ts.createProgram(["m.ts"], options, host);
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))
    .filter((m) => !/global type|Cannot find name/.test(m));
}

/** A field's parameter as the wrapper declares and reads it: in an async method of a module. */
const asParameter = (name: string) =>
  `export class C {\n  async m(${name}: number) {\n    return ${name}\n  }\n}\n`;

describe("typescript escapes", () => {
  itAnswersEach({ tsParam, tsProperty }, CASES);

  it("renames every reserved word to a parameter TypeScript accepts", () => {
    for (const word of TS_BINDING_RESERVED)
      assert.deepEqual(errors(asParameter(tsParam(word))), [], word);
  });

  it("lists every lowercase keyword TypeScript refuses as such a parameter", () => {
    const keywords: string[] = [];
    for (let k = ts.SyntaxKind.FirstKeyword; k <= ts.SyntaxKind.LastKeyword; k++) {
      const word = ts.tokenToString(k);
      if (word && /^[a-z]+$/.test(word)) keywords.push(word);
    }
    const contextual = ["let", "static", "implements", "interface", "package", "private"];
    // Listed although they parse: `this` would declare the method's this-type, `undefined`
    // would shadow the wrapper's comparisons.
    const onPurpose = new Set(["this", "undefined"]);
    for (const word of [...keywords, ...contextual, "arguments", "eval"]) {
      const refused = errors(asParameter(word)).length > 0 || onPurpose.has(word);
      assert.equal(TS_BINDING_RESERVED.has(word), refused, `${word}: refused=${refused}`);
    }
  });

  it("knows the four names protobuf-es v2 suffixes with $", () => {
    assert.equal(PROTOBUF_ES_RESERVED.size, 4);
  });
});
