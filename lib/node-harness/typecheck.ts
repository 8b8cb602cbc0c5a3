/**
 * The Node compile harness: a design's proto snippets are placed in the skeleton's proto files,
 * which become protoc-gen-es v2's `_pb` modules; its Node wrapper and SERVICE_DEFAULTS entry are
 * applied (by `apply`'s own anchors) to the stand-in of the layout's client module, with the
 * imports the wrapper's note lists; then the TypeScript compiler type-checks the lot in memory,
 * against stand-ins of the protobuf-es and Connect runtimes. Pure: texts in, diagnostics out (the
 * caller supplies TypeScript's lib files).
 */
import ts from "typescript";
import { applySnippets } from "../apply/apply";
import type { Snippet } from "../generate/snippet";
import { placeSnippets } from "../rust-harness/place";
import { clientModule, LAYOUT_STAND_INS, type NodeLayout } from "./client-module";
import { protobufEsModules } from "./protobuf-es";
import { CONNECT_DTS, PROTOBUF_DTS } from "./runtime-stand-ins";

export interface NodeHarnessCase {
  readonly layout: NodeLayout;
  /** Every snippet of the design; the proto and Node ones are used. */
  readonly snippets: readonly Snippet[];
  /** The skeleton's proto files, repository-relative (`proto/personhog/…`) → text. */
  readonly protoFiles: ReadonlyMap<string, string>;
  /** A TypeScript lib file's text by name (`lib.es2020.d.ts`), as the package ships it. */
  readonly libFile: (name: string) => string | undefined;
}

export interface NodeHarnessResult {
  /** A snippet that could not be placed: nothing was compiled. */
  readonly problems: readonly string[];
  /** The compiler's diagnostics, `path:line:col TSnnnn: message`. */
  readonly diagnostics: readonly string[];
  /** The files compiled (for a failing case's report). */
  readonly files: ReadonlyMap<string, string>;
}

const LIB_DIR = "/typescript-lib";
/** Globals the Node client reads that es2020's lib leaves to the DOM or @types/node. */
const GLOBALS_DTS = "declare class TextDecoder {\n  decode(input?: Uint8Array): string;\n}\n";

const STRONG_READ_OPTIONS = `
export function strongReadOptions() {
    return create(ReadOptionsSchema, { consistency: ConsistencyLevel.STRONG })
}
`;

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  // The lib and stand-in declarations are not under test; checking them costs most of the time.
  skipLibCheck: true,
  types: [],
  paths: { "~/*": ["/nodejs/src/*"] },
};

/** Parsed lib and stand-in files, kept across programs (their binding is reused too). */
const parsed = new Map<string, ts.SourceFile>();

function sourceFile(name: string, text: string): ts.SourceFile {
  const cached = parsed.get(name);
  if (cached && cached.text === text) return cached;
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2020, true);
  if (name.startsWith(LIB_DIR) || name.includes("/node_modules/")) parsed.set(name, file);
  return file;
}

function compile(files: ReadonlyMap<string, string>, libFile: NodeHarnessCase["libFile"]) {
  const abs = new Map([...files].map(([p, t]) => [`/${p}`, t]));
  const read = (name: string) =>
    abs.get(name) ??
    (name.startsWith(`${LIB_DIR}/`) ? libFile(name.slice(LIB_DIR.length + 1)) : undefined);
  const host: ts.CompilerHost = {
    getSourceFile: (name) => {
      const text = read(name);
      return text === undefined ? undefined : sourceFile(name, text);
    },
    getDefaultLibFileName: () => `${LIB_DIR}/lib.es2020.d.ts`,
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => read(name) !== undefined,
    readFile: read,
    directoryExists: (dir) =>
      [...abs.keys()].some((p) => p.startsWith(`${dir.replace(/\/$/, "")}/`)),
    getDirectories: () => [],
  };
  const roots = [...abs.keys()].filter((p) => !p.includes("/node_modules/"));
  const program = ts.createProgram(roots, OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return `TS${d.code}: ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.slice(1)}:${line + 1}:${character + 1} TS${d.code}: ${text}`;
  });
}

export function typecheckNode(c: NodeHarnessCase): NodeHarnessResult {
  const stand = LAYOUT_STAND_INS[c.layout];
  const protos = new Map([...c.protoFiles].filter(([p]) => p.startsWith("proto/")));
  const problems = placeSnippets(
    protos,
    c.snippets.filter((s) => s.language === "proto"),
  );
  const node = c.snippets.filter((s) => s.id === "node-wrapper" || s.id === "node-service-default");
  const standIn = clientModule(c.layout);
  const applied = applySnippets(standIn, node);
  problems.push(...applied.problems);
  if (problems.length) return { problems, diagnostics: [], files: new Map() };

  const files = new Map([...standIn, ...applied.changed]);
  // The wrapper imports strongReadOptions(), which its note asks to add to client.ts, exported.
  const wrapper = node.find((s) => s.id === "node-wrapper");
  if (wrapper?.imports?.some((i) => i.names.includes("strongReadOptions"))) {
    const client = `${stand.dir}/client.ts`;
    files.set(client, `${files.get(client)!}${STRONG_READ_OPTIONS}`);
  }
  const sources = [...protos].map(([path, text]) => ({ path: path.slice("proto/".length), text }));
  for (const [mod, text] of protobufEsModules(sources))
    files.set(`${stand.generatedRoot}${mod}.d.ts`, text);
  files.set("nodejs/node_modules/@bufbuild/protobuf/index.d.ts", PROTOBUF_DTS);
  files.set("nodejs/node_modules/@connectrpc/connect/index.d.ts", CONNECT_DTS);
  files.set("nodejs/src/globals.d.ts", GLOBALS_DTS);
  return { problems: [], diagnostics: compile(files, c.libFile), files };
}
