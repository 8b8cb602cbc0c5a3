import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  call,
  chain,
  ifAny,
  letMatch,
  signature,
  structLiteral,
  testHead,
  unbreakableArg,
} from "./rust-layout";

const x = (n: number) => "x".repeat(n);

describe("rust layout rules (each as rustfmt lays it out; rust.test.ts checks with rustfmt)", () => {
  it("call width: arguments over 60 columns go one per line, no trailing comma in a macro", () => {
    assert.equal(call("f(", ["a", "b"], ");")(4), "f(a, b);");
    const wide = [x(30), x(30)];
    assert.equal(call("f(", wide, ");")(4), `f(\n    ${wide[0]},\n    ${wide[1]},\n);`);
    assert.equal(
      call("m!(", wide, ")", { macro: true })(0),
      `m!(\n    ${wide[0]},\n    ${wide[1]}\n)`,
    );
  });

  it("call width: a single argument stays on its line while the line fits", () => {
    assert.equal(call("f(", [x(70)], ")")(4), `f(${x(70)})`);
    assert.equal(call("f(", [x(70)], ")")(40), `f(\n    ${x(70)},\n)`);
  });

  it("max width counts from the column the code lands at", () => {
    const one = `fn f(&self, a: ${x(70)})`;
    assert.equal(signature("fn f", ["&self", `a: ${x(70)}`], "", " {")(4), `${one} {`);
    assert.equal(
      signature("fn f", ["&self", `a: ${x(70)}`], "", " {")(20),
      `fn f(\n    &self,\n    a: ${x(70)},\n) {`,
    );
  });

  it("signature: a declaration is measured as if it ended in ` {`, and at 100 only `->` moves", () => {
    const params = ["&self", `a: ${x(60)}`];
    const declaration = signature("fn f", params, "R", ";");
    const width = `fn f(&self, a: ${x(60)}) -> R;`.length;
    assert.equal(declaration(99 - width), `fn f(&self, a: ${x(60)}) -> R;`);
    assert.equal(declaration(100 - width), `fn f(&self, a: ${x(60)})\n    -> R;`);
    assert.match(declaration(101 - width), /^fn f\(\n {4}&self,\n/);
  });

  it("signature: with no parameters the brace moves down first", () => {
    assert.equal(testHead(x(85))(0), `async fn ${x(85)}() {`);
    assert.equal(testHead(x(89))(0), `async fn ${x(89)}()\n{`);
  });

  it("signature: `) -> R {` past 96 columns puts the brace on its own line", () => {
    const ret = `Result<${x(80)}>`;
    assert.match(signature("fn f", ["&self", "a: i64"], ret, " {")(4), /\n\) -> Result<x+>\n\{$/);
    assert.match(signature("fn f", ["&self", "a: i64"], "R", " {")(80), /\n\) -> R \{$/);
  });

  it("chain width: a chain over 60 columns puts each element on its own line", () => {
    const children = [".storage", { method: "m", args: ["a"] }, ".await"];
    assert.equal(chain("let r = ", "self", children, ";")(8), "let r = self.storage.m(a).await;");
    const long = [".storage", { method: x(50), args: ["a"] }, ".await"];
    assert.equal(
      chain("let r = ", "self", long, ";")(8),
      `let r = self\n    .storage\n    .${x(50)}(a)\n    .await;`,
    );
  });

  it("chain width: a root no wider than one indent keeps its first element beside it", () => {
    const children = [`.insert(${x(50)})`, ".await", '.expect("x")'];
    assert.equal(
      chain("", "ctx", children, ";")(4),
      `ctx.insert(${x(50)})\n    .await\n    .expect("x");`,
    );
  });

  it("let on the next line: a right side that fits one line goes under the `let`", () => {
    const children = [".iter()", ".map(f)", ".collect()"];
    const lead = `let ${x(40)}: Vec<i32> = `;
    assert.equal(
      chain(lead, "ids", children, ";")(40),
      `${lead.trimEnd()}\n    ids.iter().map(f).collect();`,
    );
  });

  it("closure block: a closure whose line would reach 100 columns gets a block body", () => {
    const closure = (name: string) => ({
      method: "map_err",
      param: "|e|",
      fn: "log_and_convert_error",
      args: ["e", `"${name}"`],
      suffix: "?",
    });
    const call = { method: x(50), args: [] };
    const short = chain("let v = ", "self", [call, ".await", closure("m")], ";")(8);
    assert.equal(
      short,
      `let v = self\n    .${x(50)}()\n    .await\n    .map_err(|e| log_and_convert_error(e, "m"))?;`,
    );
    const long = chain("let v = ", "self", [".storage", ".await", closure(x(50))], ";")(8);
    assert.equal(
      long,
      `let v = self\n    .storage\n    .await\n    .map_err(|e| {\n        log_and_convert_error(e, "${x(50)}")\n    })?;`,
    );
  });

  it("struct literal: a body up to 18 columns stays on one line", () => {
    assert.equal(structLiteral("", ["Ok"], "R", ["count"], "")(8), "Ok(R { count })");
    assert.equal(
      structLiteral("", ["Ok"], "R", ["count", "total_rows_x"], "")(8),
      "Ok(R {\n    count,\n    total_rows_x,\n})",
    );
  });

  it("struct literal: inside nested calls it moves to its own line when its head is too wide", () => {
    const name = x(60);
    assert.equal(
      structLiteral("", ["Ok", "Response::new"], name, ["a: 1", "b: 2", "c: 3", "d: 4"], "")(8),
      `Ok(Response::new(\n    ${name} {\n        a: 1,\n        b: 2,\n        c: 3,\n        d: 4,\n    },\n))`,
    );
  });

  it("struct literal: a field holding a long chain breaks like a chain; `..base` takes no comma", () => {
    const field = `persons: result.${x(30)}.into_iter().map(Into::into).collect()`;
    assert.equal(
      structLiteral("let r = ", [], "R", [field, "..Default::default()"], ";")(4),
      `let r = R {\n    persons: result\n        .${x(30)}\n        .into_iter()\n        .map(Into::into)\n        .collect(),\n    ..Default::default()\n};`,
    );
  });

  it("unbreakable argument: moves to its own line when too wide", () => {
    const atom = `"${x(70)}"`;
    assert.equal(unbreakableArg("", ["Err"], '"short"', "")(8), 'Err("short")');
    assert.equal(
      unbreakableArg("return ", ["Err"], atom, ";")(20),
      `return Err(\n    ${atom},\n);`,
    );
  });

  it("if condition: the brace moves down first, then the condition breaks before each `||`", () => {
    assert.equal(ifAny(["a.is_empty()", "b.is_empty()"])(8), "if a.is_empty() || b.is_empty() {");
    const two = [`${x(31)}.is_empty()`, `${x(31)}.is_empty()`];
    assert.equal(ifAny(two)(8), `if ${two.join(" || ")}\n{`);
    assert.equal(
      ifAny([...two, "c.is_empty()"])(8),
      `if ${two[0]}\n    || ${two[1]}\n    || c.is_empty()\n{`,
    );
  });

  it("let match: a `let x = match` too wide moves the match under the `let`", () => {
    const arms = ["1..=10 => req.n,", "_ => 10,"];
    assert.equal(
      letMatch("n", "req.n", arms)(8),
      "let n = match req.n {\n    1..=10 => req.n,\n    _ => 10,\n};",
    );
    assert.equal(
      letMatch(x(40), `req.${x(40)}`, arms)(8),
      `let ${x(40)} =\n    match req.${x(40)} {\n        1..=10 => req.n,\n        _ => 10,\n    };`,
    );
  });
});
