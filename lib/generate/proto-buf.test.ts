/**
 * The generated proto through buf, the tool PostHog's CI runs on proto/: it must compile with the
 * rest of the package and pass `buf lint` under PostHog's rule set.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { STAND_IN_ENUMS, STAND_IN_MESSAGES } from "../validate/personhog-stand-in";
import { generateInput } from "./context";
import { protoSnippets } from "./proto";

const BUF_YAML = `version: v2
lint:
  use: [STANDARD]
  except: [SERVICE_SUFFIX, RPC_REQUEST_RESPONSE_UNIQUE, RPC_RESPONSE_STANDARD_NAME, RPC_REQUEST_STANDARD_NAME]
`;
const BUF = path.join(import.meta.dirname, "..", "..", "node_modules", ".bin", "buf");
const COMMON = ["ReadOptions", "TeamDistinctId", "GroupKey", "GroupIdentifier"];

function writeModule(dir: string, domain: string, messages: string, rpc: string): void {
  const types = path.join(dir, "personhog", "types", "v1");
  const service = path.join(dir, "personhog", "service", "v1");
  mkdirSync(types, { recursive: true });
  mkdirSync(service, { recursive: true });
  writeFileSync(path.join(dir, "buf.yaml"), BUF_YAML);
  const header = 'syntax = "proto3";\n\npackage personhog.types.v1;\n';
  const declared = new Set([...messages.matchAll(/message\s+(\w+)/g)].map((m) => m[1]));
  const common = [STAND_IN_ENUMS, ...COMMON.map((n) => STAND_IN_MESSAGES[n])].join("\n");
  const others = Object.entries(STAND_IN_MESSAGES)
    .filter(([n]) => !COMMON.includes(n) && !declared.has(n))
    .map(([, t]) => t);
  writeFileSync(path.join(types, "common.proto"), `${header}\n${common}\n`);
  writeFileSync(
    path.join(types, "stand_in.proto"),
    `${header}\nimport "personhog/types/v1/common.proto";\n\n${others.join("\n")}\n`,
  );
  // Import only what is used: buf lint rejects unused imports.
  const uses = (text: string, names: string[]) =>
    names.some((n) => new RegExp(`\\b${n}\\b`).test(text));
  const otherNames = Object.keys(STAND_IN_MESSAGES).filter(
    (n) => !COMMON.includes(n) && !declared.has(n),
  );
  const imports = [
    uses(messages, COMMON) ? 'import "personhog/types/v1/common.proto";' : "",
    uses(messages, otherNames) ? 'import "personhog/types/v1/stand_in.proto";' : "",
  ].join("\n");
  writeFileSync(path.join(types, `${domain}.proto`), `${header}\n${imports}\n\n${messages}\n`);
  const standInImport = uses(rpc, otherNames)
    ? 'import "personhog/types/v1/stand_in.proto";\n'
    : "";
  writeFileSync(
    path.join(service, "service.proto"),
    `syntax = "proto3";\n\npackage personhog.service.v1;\n\nimport "personhog/types/v1/${domain}.proto";\n${standInImport}\nservice PersonHogService {\n  ${rpc}\n}\n`,
  );
}

function buf(args: string[], cwd: string): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync(BUF, args, { cwd, encoding: "utf8", stdio: "pipe" }),
    };
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

describe("generated proto under buf", () => {
  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    it(`${name}: buf build and buf lint accept it`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), "workbench-buf-"));
      try {
        const snippets = protoSnippets(generateInput(design));
        writeModule(dir, design.domain, snippets[0]?.code ?? "", snippets[1]?.code ?? "");
        const build = buf(["build"], dir);
        assert.equal(build.code, 0, build.out);
        const lint = buf(["lint"], dir);
        // Only the files the workbench generated are ours to answer for.
        const ours = lint.out
          .split("\n")
          .filter((l) => l.includes(`${design.domain}.proto`) || l.includes("service.proto"));
        assert.deepEqual(ours, []);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
