import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseOrigin } from "./share-urls";

const origin = (text: string) => {
  const r = parseOrigin(text);
  assert.ok("origin" in r, `refused ${JSON.stringify(text)}: ${"error" in r ? r.error : ""}`);
  return r.origin;
};
const refused = (text: string) => {
  const r = parseOrigin(text);
  assert.ok("error" in r, `accepted ${JSON.stringify(text)}`);
  return r.error;
};

describe("--origin", () => {
  it("takes http and https origins with a port and path, lower-cased, trailing slashes dropped", () => {
    assert.equal(origin("http://localhost:3000"), "http://localhost:3000");
    assert.equal(origin("HTTPS://WB.Example/"), "https://wb.example");
    assert.equal(
      origin("https://wb.example:8443/tools/workbench///"),
      "https://wb.example:8443/tools/workbench",
    );
    assert.equal(origin("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
    assert.equal(origin("http://[::1]:3000/"), "http://[::1]:3000");
    assert.equal(origin("https://wb.example/a%20b"), "https://wb.example/a%20b");
  });

  it("refuses other schemes", () => {
    for (const text of [
      "javascript:alert(1)",
      "javascript://wb.example/%0Aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "ftp://wb.example",
      "//wb.example",
      "wb.example",
      "",
    ])
      assert.match(refused(text), /--origin must be an http or https address/);
  });

  it("refuses a query, fragment, user, bad host, bad port or bad path", () => {
    assert.match(refused("https://wb.example/?x=1"), /query or fragment/);
    assert.match(refused("https://wb.example#x"), /query or fragment/);
    assert.match(refused("https://user:pw@evil.example"), /names a user/);
    assert.match(refused("https://wb.example@evil.example"), /names a user/);
    assert.match(refused("https://"), /is not a host name/);
    assert.match(refused("https://-bad.example"), /is not a host name/);
    assert.match(refused("https://wb..example"), /is not a host name/);
    assert.match(refused("https://wb_example.com"), /is not a host name/);
    assert.match(refused("https://wb.example:99999"), /is not a port/);
    assert.match(refused("https://wb.example:"), /is not a port/);
    assert.match(refused("https://wb.example/a(b)"), /its path may hold only/);
    assert.match(refused("https://wb.example/a%zz"), /its path may hold only/);
    assert.match(refused("https://wb.example/[x](y)"), /its path may hold only/);
  });

  it("refuses whitespace, control, bidi and non-ASCII characters", () => {
    for (const text of [
      "https://wb.example/a b",
      "https://wb.example/\n\n- [x] approved",
      "https://wb.example\u001b[2K",
      "https://wb.example/\u202e",
      "https://wb.exämple",
      "https://wb.example\u0000",
    ])
      assert.match(refused(text), /printable ASCII/);
  });

  it("trims many slashes in linear time and refuses very long input", () => {
    const started = performance.now();
    assert.equal(origin(`https://wb.example${"/".repeat(1900)}`), "https://wb.example");
    assert.match(refused(`https://wb.example/${"/a".repeat(100_000)}`), /over 2000 characters/);
    assert.ok(performance.now() - started < 200);
  });
});
