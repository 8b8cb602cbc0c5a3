/**
 * What protoc-gen-es v2 (`target=ts`) would write for personhog's proto files, as declarations
 * (the harness stores them as `<name>_pb.d.ts`): per file a module with `export type Foo = Message<"pkg.Foo"> & {…}` and
 * `FooSchema: GenMessage<Foo>`, enums with the enum-name prefix stripped, and each service as a
 * `GenService<{ lowerCamel: { methodKind, input, output } }>`. Field names follow protobuf-es's own
 * rules (protoCamelCase, `$` after a reserved property), written here again rather than taken from
 * the generators, so a generator that spells a name differently fails to compile.
 */
import protobuf from "protobufjs";
import type { ProtoSource } from "../rust-harness/proto-to-rust";

/** protobuf-es's protoCamelCase: `_` drops and capitalises the next letter; a digit ends that. */
function protoCamelCase(snake: string): string {
  let capNext = false;
  let out = "";
  for (const c of snake) {
    if (c === "_") capNext = true;
    else if (c >= "0" && c <= "9") {
      out += c;
      capNext = false;
    } else {
      out += capNext ? c.toUpperCase() : c;
      capNext = false;
    }
  }
  return out;
}

/** Names JavaScript objects already have: protobuf-es appends `$` to a field spelled like one. */
const RESERVED_PROPERTIES = new Set(["constructor", "toString", "toJSON", "valueOf"]);
export const localName = (field: string) => {
  const camel = protoCamelCase(field);
  return RESERVED_PROPERTIES.has(camel) ? `${camel}$` : camel;
};
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const SCALARS: Readonly<Record<string, string>> = {
  double: "number",
  float: "number",
  int32: "number",
  sint32: "number",
  sfixed32: "number",
  uint32: "number",
  fixed32: "number",
  int64: "bigint",
  sint64: "bigint",
  sfixed64: "bigint",
  uint64: "bigint",
  fixed64: "bigint",
  bool: "boolean",
  string: "string",
  bytes: "Uint8Array",
};

/** `personhog/types/v1/group.proto` → `personhog/types/v1/group_pb`. */
const pbModule = (protoPath: string) => protoPath.replace(/\.proto$/, "_pb");

const isEnum = (o: protobuf.ReflectionObject | null): o is protobuf.Enum =>
  o instanceof protobuf.Enum;

/** The file a type was declared in, as its `_pb` module path. */
function moduleOf(o: protobuf.ReflectionObject): string {
  if (!o.filename) throw new Error(`${o.fullName} has no file`);
  return pbModule(o.filename);
}

/** A relative import between two `_pb` modules of the same tree. */
function relative(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  const up = a.length - common;
  const rest = b.slice(common).join("/");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}

class Imports {
  private readonly byModule = new Map<string, Set<string>>();
  constructor(private readonly self: string) {}
  /** The name to write for `o`, importing it when it lives in another file. */
  use(o: protobuf.ReflectionObject, name = o.name): string {
    const mod = moduleOf(o);
    if (mod !== this.self) this.byModule.set(mod, (this.byModule.get(mod) ?? new Set()).add(name));
    return name;
  }
  lines(): string[] {
    return [...this.byModule].map(
      ([mod, names]) =>
        `import type { ${[...names].sort().join(", ")} } from "${relative(this.self, mod)}";`,
    );
  }
}

function fieldType(f: protobuf.Field, imports: Imports): string {
  const t = f.resolvedType;
  const base = t ? imports.use(t) : SCALARS[f.type];
  if (!base) throw new Error(`unknown proto type ${f.type} of field ${f.fullName}`);
  return f.repeated ? `${base}[]` : base;
}

/** Singular messages and proto3 `optional` scalars may be unset: `?:` in protobuf-es v2. */
const mayBeUnset = (f: protobuf.Field) =>
  !f.repeated &&
  (f.options?.proto3_optional === true || (f.resolvedType !== null && !isEnum(f.resolvedType)));

function messageCode(t: protobuf.Type, imports: Imports): string[] {
  const fields = t.fieldsArray.map(
    (f) => `  ${localName(f.name)}${mayBeUnset(f) ? "?" : ""}: ${fieldType(f, imports)};`,
  );
  return [
    `export type ${t.name} = Message<"${t.fullName.replace(/^\./, "")}"> & {`,
    ...fields,
    "};",
    `export declare const ${t.name}Schema: GenMessage<${t.name}>;`,
  ];
}

function enumCode(e: protobuf.Enum): string[] {
  const prefix = `${e.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}_`;
  return [
    `export enum ${e.name} {`,
    ...Object.entries(e.values).map(
      ([name, n]) => `  ${name.startsWith(prefix) ? name.slice(prefix.length) : name} = ${n},`,
    ),
    "}",
    `export declare const ${e.name}Schema: GenEnum<${e.name}>;`,
  ];
}

function serviceCode(s: protobuf.Service, imports: Imports): string[] {
  const methods = s.methodsArray.map((m) => {
    const input = imports.use(m.resolvedRequestType!, `${m.resolvedRequestType!.name}Schema`);
    const output = imports.use(m.resolvedResponseType!, `${m.resolvedResponseType!.name}Schema`);
    return `  ${lowerFirst(m.name)}: { methodKind: "unary"; input: typeof ${input}; output: typeof ${output} };`;
  });
  return [`export declare const ${s.name}: GenService<{`, ...methods, "}>;"];
}

/** `_pb` module path (no extension) → its TypeScript text, for every file of the sources. */
export function protobufEsModules(sources: readonly ProtoSource[]): Map<string, string> {
  const root = new protobuf.Root();
  for (const s of sources) {
    // protobufjs stamps each declaration with the file being parsed: the `_pb` module it goes to.
    (protobuf.parse as unknown as { filename: string | null }).filename = s.path;
    try {
      protobuf.parse(s.text, root, { keepCase: true });
    } catch (err) {
      throw new Error(`${s.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  root.resolveAll();
  const bodies = new Map<string, { imports: Imports; code: string[] }>();
  const add = (n: protobuf.ReflectionObject) => {
    const mod = moduleOf(n);
    const body = bodies.get(mod) ?? { imports: new Imports(mod), code: [] };
    bodies.set(mod, body);
    if (n instanceof protobuf.Type) body.code.push(...messageCode(n, body.imports));
    else if (isEnum(n)) body.code.push(...enumCode(n));
    else if (n instanceof protobuf.Service) body.code.push(...serviceCode(n, body.imports));
  };
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const n of ns.nestedArray) {
      if (n instanceof protobuf.Type || n instanceof protobuf.Service || isEnum(n)) add(n);
      else if (n instanceof protobuf.Namespace) walk(n);
    }
  };
  walk(root);
  for (const s of sources) {
    const mod = pbModule(s.path);
    if (!bodies.has(mod)) bodies.set(mod, { imports: new Imports(mod), code: [] });
  }
  return new Map(
    [...bodies].map(([mod, { imports, code }]) => [
      mod,
      [
        "// Written by the Node compile harness (lib/node-harness/protobuf-es.ts) in the shape",
        "// protoc-gen-es v2 gives it.",
        'import type { GenEnum, GenMessage, GenService, Message } from "@bufbuild/protobuf";',
        ...imports.lines(),
        "",
        ...code,
        "",
      ].join("\n"),
    ]),
  );
}
