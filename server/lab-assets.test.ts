import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { serveLabAsset } from "./lab-assets";
import { startTestServer, type TestServer } from "./test-server";

const WORKER = Buffer.from(`self.onmessage = () => {};\n${"// padding\n".repeat(200)}`);
const TAR = Buffer.from("not really a tar, but bytes the browser would unpack");

let server: TestServer;
let dir = "";

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lab-assets-"));
  await writeFile(path.join(dir, "lab-worker.js"), WORKER);
  await writeFile(path.join(dir, "lab-worker.js.br"), brotliCompressSync(WORKER));
  await writeFile(path.join(dir, "lab-worker.js.gz"), gzipSync(WORKER));
  await writeFile(path.join(dir, "lab-snapshot.tar.gz"), gzipSync(TAR));
  server = await startTestServer((req, res) => serveLabAsset(req, res, dir));
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("serveLabAsset", () => {
  it("sends the brotli file to a browser, with its type and length", async () => {
    const reply = await server.get("/lab/lab-worker.js", {
      "accept-encoding": "gzip, deflate, br, zstd",
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-encoding"], "br");
    assert.equal(reply.headers["content-type"], "text/javascript; charset=utf-8");
    assert.equal(reply.headers.vary, "Accept-Encoding");
    assert.equal(Number(reply.headers["content-length"]), reply.body.length);
    assert.deepEqual(brotliDecompressSync(reply.body), WORKER);
  });

  it("falls back to gzip, then to identity", async () => {
    const gz = await server.get("/lab/lab-worker.js", { "accept-encoding": "gzip" });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(gz.body), WORKER);
    const plain = await server.get("/lab/lab-worker.js");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.deepEqual(plain.body, WORKER);
  });

  it("sends the gzip snapshot as a tar in gzip coding, decoded only for a client refusing gzip", async () => {
    const coded = await server.get("/lab/lab-snapshot.tar", { "accept-encoding": "br, gzip" });
    assert.equal(coded.headers["content-type"], "application/x-tar");
    assert.equal(coded.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(coded.body), TAR);
    const plain = await server.get("/lab/lab-snapshot.tar", { "accept-encoding": "br" });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.deepEqual(plain.body, TAR);
    assert.notEqual(plain.headers.etag, coded.headers.etag);
  });

  it("answers a matching If-None-Match with 304 and no body, per coding", async () => {
    const first = await server.get("/lab/lab-worker.js", { "accept-encoding": "br" });
    const etag = String(first.headers.etag);
    const again = await server.get("/lab/lab-worker.js", {
      "accept-encoding": "br",
      "if-none-match": etag,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const other = await server.get("/lab/lab-worker.js", {
      "accept-encoding": "gzip",
      "if-none-match": etag,
    });
    assert.equal(other.status, 200);
  });

  it("answers HEAD without a body", async () => {
    const head = await server.get("/lab/lab-worker.js", { "accept-encoding": "br" }, "HEAD");
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.ok(Number(head.headers["content-length"]) > 0);
  });

  it("serves only the listed files, and leaves other URLs to Next", async () => {
    assert.equal((await server.get("/lab/../package.json")).status, 418); // normalised to /package.json
    assert.equal((await server.get("/lab/%2e%2e%2fpackage.json")).status, 404);
    assert.equal((await server.get("/lab/lab-worker.js.br")).status, 404);
    assert.equal((await server.get("/lab/constructor")).status, 404);
    assert.equal((await server.get("/lab/pglite.wasm")).status, 404); // listed, not built here
    assert.equal((await server.get("/lab/lab-worker.js", {}, "POST")).status, 405);
    assert.equal((await server.get("/wizard")).status, 418);
  });
});
