import { describe, it } from "node:test";
import assert from "node:assert/strict";
import protobuf from "protobufjs";
import { commentText } from "./comment";
import { hostileSamples } from "./hostile";
import { protoComment } from "./proto";

const TEXTS = hostileSamples(13);

describe("proto escapes", () => {
  it("a field's comment stays on its line: protobufjs reads every field and that comment", () => {
    const fields = TEXTS.map((t, i) => `  int64 f${i} = ${i + 1}; ${protoComment(t)}`);
    const source = ['syntax = "proto3";', "message M {", ...fields, "}"].join("\n");
    const root = protobuf.parse(source, { keepCase: true, alternateCommentMode: true }).root;
    const message = root.lookupType("M");
    assert.equal(message.fieldsArray.length, TEXTS.length);
    // protobufjs trims a comment's leading `*` and `/` as it does for JSDoc-style blocks.
    const trimmed = (text: string | null | undefined) => (text ?? "").replace(/^[\s*/]+/, "");
    TEXTS.forEach((t, i) => {
      const comment = message.fields[`f${i}`]?.comment;
      assert.equal(trimmed(comment), trimmed(commentText(t)), JSON.stringify(t));
    });
  });
});
