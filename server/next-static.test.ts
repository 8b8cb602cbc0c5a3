import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { nextStaticHandler } from "./next-static";
import { startTestServer, type TestServer } from "./test-server";

const CHUNK = Buffer.from(`console.log("chunk");\n${"//\n".repeat(500)}`);
let server: TestServer;
let dir = "";

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "next-static-"));
  await mkdir(path.join(dir, "chunks"));
  await writeFile(path.join(dir, "chunks", "a1.js"), CHUNK);
  await writeFile(path.join(dir, "chunks", "a1.js.br"), brotliCompressSync(CHUNK));
  await writeFile(path.join(dir, "chunks", "a1.js.gz"), gzipSync(CHUNK));
  await writeFile(path.join(dir, "chunks", "b2.js"), CHUNK); // built after the server started, say
  await writeFile(path.join(dir, "chunks", "f.woff2"), "font");
  const handler = await nextStaticHandler(dir);
  server = await startTestServer(handler);
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("nextStaticHandler", () => {
  it("sends a precompressed chunk as it is, cached as immutable", async () => {
    const reply = await server.get("/_next/static/chunks/a1.js", { "accept-encoding": "gzip, br" });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-encoding"], "br");
    assert.equal(reply.headers["content-type"], "text/javascript; charset=utf-8");
    assert.equal(reply.headers["cache-control"], "public, max-age=31536000, immutable");
    assert.deepEqual(brotliDecompressSync(reply.body), CHUNK);
    const plain = await server.get("/_next/static/chunks/a1.js");
    assert.deepEqual(plain.body, CHUNK);
  });

  it("leaves to Next what it has no brotli copy of, other types, and other paths", async () => {
    assert.equal((await server.get("/_next/static/chunks/b2.js")).status, 418);
    assert.equal((await server.get("/_next/static/chunks/f.woff2")).status, 418);
    assert.equal((await server.get("/_next/static/chunks/a1.js.br")).status, 418);
    assert.equal((await server.get("/_next/static/chunks/../chunks/a1.js")).status, 200);
    assert.equal((await server.get("/_next/static/chunks%2fa1.js")).status, 418);
    assert.equal((await server.get("/wizard")).status, 418);
  });
});
