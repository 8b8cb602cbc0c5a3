import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { hostileSamples } from "./hostile";
import { PYTHON_KEYWORDS } from "./keywords";
import { pyComment, pyKeywordArg, pyString } from "./python";

const TEXTS = hostileSamples(11);

/** What the Python script prints for stdin; the script must succeed. */
function python(script: string, stdin: string): string {
  const run = spawnSync("python3", ["-c", script], { input: stdin, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

describe("python escapes", () => {
  it("pyString holds the text exactly, as Python reads it", () => {
    // One literal per line: the module must parse, and each literal must evaluate to the text.
    // Compared by code points: JSON would join the surrogate pair a wrong escape of a tag
    // character gives (two code points in Python) back into the one character.
    const source = TEXTS.map(pyString).join("\n");
    const stdout = python(
      "import ast, json, sys\n" +
        "tree = ast.parse(sys.stdin.read())\n" +
        "print(json.dumps([[ord(c) for c in ast.literal_eval(s.value)] for s in tree.body]))",
      source,
    );
    assert.deepEqual(
      JSON.parse(stdout),
      TEXTS.map((text) => [...text].map((ch) => ch.codePointAt(0))),
    );
  });

  it("comments stay one line that Python's tokenizer accepts", () => {
    const source = TEXTS.map((t) => `${pyComment(t)}\nx = 1`).join("\n");
    const stdout = python(
      "import ast, io, sys, tokenize\n" +
        "text = sys.stdin.read()\n" +
        "tree = ast.parse(text)\n" +
        "comments = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.COMMENT]\n" +
        "print(len(tree.body), len(comments))",
      source,
    );
    assert.equal(stdout.trim(), `${TEXTS.length} ${TEXTS.length}`);
  });

  it("passes keyword-named fields by unpacking a dict, others by name", () => {
    assert.equal(pyKeywordArg("count", "0"), "count=0");
    assert.equal(pyKeywordArg("from", "0"), '**{"from": 0}');
    const words = [...PYTHON_KEYWORDS, "count", "match", "type", "self"];
    const call = `f(${words.map((w, i) => pyKeywordArg(w, String(i))).join(", ")})`;
    const stdout = python(
      "import json, sys\n" +
        "def f(**kw): return kw\n" +
        "print(json.dumps(eval(sys.stdin.read())))",
      call,
    );
    assert.deepEqual(JSON.parse(stdout), Object.fromEntries(words.map((w, i) => [w, i])));
  });

  it("knows Python's keywords as keyword.kwlist lists them", () => {
    const stdout = python("import keyword, json; print(json.dumps(keyword.kwlist))", "");
    assert.deepEqual([...PYTHON_KEYWORDS].sort(), (JSON.parse(stdout) as string[]).sort());
  });
});
