import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { designJsonSchema } from "../lib/design/json-schema";
import { main } from "./cli";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

describe("personhog-rpc schema", () => {
  it("prints the design's JSON Schema as JSON", async () => {
    const r = await run(["schema"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(designJsonSchema())));
    assert.match(r.stdout, /"\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema"/);
  });

  it("exits 2 when given arguments, and is in the usage", async () => {
    const r = await run(["schema", "design.json"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /schema takes no arguments/);
    assert.match((await run(["--help"])).stdout, /^ {2}schema {2,}The design's JSON Schema/m);
  });
});
