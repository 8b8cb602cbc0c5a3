import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BytesBlob } from "./bytes-blob";

describe("BytesBlob", () => {
  it("hands over the bytes' own buffer when they fill it, typed as given", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const blob = new BytesBlob(bytes, "application/x-tar");
    assert.equal(blob.type, "application/x-tar");
    assert.equal(await blob.arrayBuffer(), bytes.buffer);
  });

  it("copies only its own bytes out of a larger buffer", async () => {
    const view = new Uint8Array(new ArrayBuffer(8), 2, 3);
    view.set([7, 8, 9]);
    const buffer = await new BytesBlob(view, "application/octet-stream").arrayBuffer();
    assert.notEqual(buffer, view.buffer);
    assert.deepEqual(new Uint8Array(buffer), new Uint8Array([7, 8, 9]));
  });
});
