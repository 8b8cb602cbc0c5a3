/**
 * What `tonic_build` (prost + tonic) would generate from personhog's proto files, as Rust source
 * per package: message structs (int64 → i64, repeated → Vec, message → Option, proto3 `optional`
 * → Option, bytes → Vec<u8>, enums as i32 fields with getters), enums, oneofs, and for each
 * service a `<name>_server` module (the `#[async_trait]` trait and its server) and a
 * `<name>_client` module. The compile harness writes this into the skeleton's personhog-proto
 * crate, so generated Rust meets the structs prost would give it. Names follow prost's and tonic's
 * conversions (heck), not ours: a generator that spells a name differently fails to compile.
 */
import protobuf from "protobufjs";

export interface ProtoSource {
  readonly path: string;
  readonly text: string;
}

type WordMode = "boundary" | "lower" | "upper";

/** heck's word split: lower→Upper starts a word, and so does the last capital of a run before a lowercase. */
function words(name: string): string[] {
  const out: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/).filter(Boolean)) {
    let start = 0;
    let mode: WordMode = "boundary";
    const chars = [...part];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const next = chars[i + 1];
      if (next === undefined) {
        out.push(chars.slice(start).join(""));
        break;
      }
      const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
      const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
      const nextMode: WordMode = isLower(c) ? "lower" : isUpper(c) ? "upper" : mode;
      if (nextMode === "lower" && isUpper(next)) {
        out.push(chars.slice(start, i + 1).join(""));
        start = i + 1;
        mode = "boundary";
      } else if (mode === "upper" && isUpper(c) && isLower(next)) {
        out.push(chars.slice(start, i).join(""));
        start = i;
        mode = "boundary";
      } else {
        mode = nextMode;
      }
    }
  }
  return out;
}

export const snakeCase = (name: string) => words(name).join("_").toLowerCase();
export const upperCamel = (name: string) =>
  words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join("");

const KEYWORDS = new Set(
  "as async await break const continue dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return static struct trait true type unsafe use where while abstract become box do final macro override priv typeof unsized virtual yield try".split(
    " ",
  ),
);

/** prost escapes keywords as raw identifiers; `self`, `super` and `crate` cannot be raw. */
export function fieldIdent(name: string): string {
  const snake = snakeCase(name);
  if (["self", "super", "crate", "Self"].includes(snake)) return `${snake}_`;
  return KEYWORDS.has(snake) ? `r#${snake}` : snake;
}

const SCALARS: Readonly<Record<string, string>> = {
  double: "f64",
  float: "f32",
  int32: "i32",
  sint32: "i32",
  sfixed32: "i32",
  int64: "i64",
  sint64: "i64",
  sfixed64: "i64",
  uint32: "u32",
  fixed32: "u32",
  uint64: "u64",
  fixed64: "u64",
  bool: "bool",
  string: "::std::string::String",
  bytes: "::std::vec::Vec<u8>",
};

/** `.personhog.types.v1.Outer.Inner` → `crate::personhog::types::v1::outer::Inner`. */
function rustPath(t: protobuf.ReflectionObject): string {
  const parts: string[] = [];
  let o: protobuf.ReflectionObject | null = t;
  while (o && o.parent) {
    parts.unshift(o === t ? upperCamel(o.name) : isType(o) ? snakeCase(o.name) : o.name);
    o = o.parent;
  }
  return `crate::${parts.join("::")}`;
}

const isType = (o: protobuf.ReflectionObject): o is protobuf.Type => o instanceof protobuf.Type;
const isEnum = (o: protobuf.ReflectionObject | null): o is protobuf.Enum =>
  o instanceof protobuf.Enum;

const proto3Optional = (f: protobuf.Field) => f.options?.proto3_optional === true;

function scalarOrPath(f: protobuf.Field): string {
  if (f.resolvedType) return isEnum(f.resolvedType) ? "i32" : rustPath(f.resolvedType);
  const scalar = SCALARS[f.type];
  if (!scalar) throw new Error(`unknown proto type ${f.type} of field ${f.fullName}`);
  return scalar;
}

function fieldType(f: protobuf.Field): string {
  if (f instanceof protobuf.MapField) {
    const key = SCALARS[f.keyType];
    return `::std::collections::HashMap<${key}, ${scalarOrPath(f)}>`;
  }
  const base = scalarOrPath(f);
  if (f.repeated) return `::std::vec::Vec<${base}>`;
  const isMessage = f.resolvedType !== null && !isEnum(f.resolvedType);
  if (isMessage || proto3Optional(f)) return `::core::option::Option<${base}>`;
  return base;
}

/** Accessors prost generates: enums read as their Rust enum, optional scalars with defaults. */
function getters(t: protobuf.Type): string[] {
  const out: string[] = [];
  for (const f of t.fieldsArray) {
    if (f.partOf && !proto3Optional(f)) continue;
    const name = fieldIdent(f.name);
    const plain = name.replace(/^r#/, "");
    if (isEnum(f.resolvedType) && !f.repeated) {
      const e = rustPath(f.resolvedType);
      const raw = proto3Optional(f) ? `self.${name}.unwrap_or_default()` : `self.${name}`;
      out.push(
        `    pub fn ${name}(&self) -> ${e} {`,
        `        ${e}::try_from(${raw}).unwrap_or_default()`,
        "    }",
        `    pub fn set_${plain}(&mut self, value: ${e}) {`,
        `        self.${name} = ${proto3Optional(f) ? "::core::option::Option::Some(value as i32)" : "value as i32"};`,
        "    }",
      );
    } else if (proto3Optional(f) && !f.resolvedType) {
      const borrowed = { string: "&str", bytes: "&[u8]" }[f.type];
      const value = borrowed ?? SCALARS[f.type]!;
      const get = borrowed
        ? `self.${name}.as_deref().unwrap_or_default()`
        : `self.${name}.unwrap_or_default()`;
      out.push(`    pub fn ${name}(&self) -> ${value} {`, `        ${get}`, "    }");
    }
  }
  return out;
}

function messageCode(t: protobuf.Type): string[] {
  const fields: string[] = [];
  for (const f of t.fieldsArray) {
    if (f.partOf && !proto3Optional(f)) continue;
    fields.push(`    pub ${fieldIdent(f.name)}: ${fieldType(f)},`);
  }
  const oneofs = t.oneofsArray.filter((o) => !o.fieldsArray.every(proto3Optional));
  for (const o of oneofs) {
    fields.push(
      `    pub ${fieldIdent(o.name)}: ::core::option::Option<${snakeCase(t.name)}::${upperCamel(o.name)}>,`,
    );
  }
  const name = upperCamel(t.name);
  const out = [
    "#[derive(Clone, PartialEq, Debug, Default)]",
    `pub struct ${name} {`,
    ...fields,
    "}",
  ];
  const access = getters(t);
  if (access.length) out.push(`impl ${name} {`, ...access, "}");
  const nested = [
    ...t.nestedArray.flatMap((n) => nestedCode(n)),
    ...oneofs.flatMap((o) => [
      "#[derive(Clone, PartialEq, Debug)]",
      `pub enum ${upperCamel(o.name)} {`,
      ...o.fieldsArray.map((f) => `    ${upperCamel(f.name)}(${scalarOrPath(f)}),`),
      "}",
    ]),
  ];
  if (nested.length) out.push(`pub mod ${snakeCase(t.name)} {`, ...nested, "}");
  return out;
}

function enumCode(e: protobuf.Enum): string[] {
  const name = upperCamel(e.name);
  const prefix = `${snakeCase(e.name).toUpperCase()}_`;
  const entries = Object.entries(e.values).map(([value, number]) => {
    const stripped = value.startsWith(prefix) ? value.slice(prefix.length) : value;
    return { value, number, variant: upperCamel(stripped) };
  });
  const zero = entries.find((v) => v.number === 0) ?? entries[0];
  return [
    "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]",
    "#[repr(i32)]",
    `pub enum ${name} {`,
    ...entries.map((v) => `${v === zero ? "    #[default]\n" : ""}    ${v.variant} = ${v.number},`),
    "}",
    `impl ${name} {`,
    "    pub fn as_str_name(&self) -> &'static str {",
    "        match self {",
    ...entries.map((v) => `            Self::${v.variant} => "${v.value}",`),
    "        }",
    "    }",
    "    pub fn from_str_name(value: &str) -> ::core::option::Option<Self> {",
    "        match value {",
    ...entries.map(
      (v) => `            "${v.value}" => ::core::option::Option::Some(Self::${v.variant}),`,
    ),
    "            _ => ::core::option::Option::None,",
    "        }",
    "    }",
    "}",
    `impl ::core::convert::From<${name}> for i32 {`,
    `    fn from(value: ${name}) -> i32 {`,
    "        value as i32",
    "    }",
    "}",
    `impl ::core::convert::TryFrom<i32> for ${name} {`,
    "    type Error = ::prost::UnknownEnumValue;",
    "    fn try_from(value: i32) -> ::core::result::Result<Self, Self::Error> {",
    "        match value {",
    ...entries.map(
      (v) => `            ${v.number} => ::core::result::Result::Ok(Self::${v.variant}),`,
    ),
    "            _ => ::core::result::Result::Err(::prost::UnknownEnumValue(value)),",
    "        }",
    "    }",
    "}",
  ];
}

function nestedCode(n: protobuf.ReflectionObject): string[] {
  if (n instanceof protobuf.Service) return serviceCode(n);
  if (isType(n)) return messageCode(n);
  if (isEnum(n)) return enumCode(n);
  return [];
}

function serviceCode(s: protobuf.Service): string[] {
  const mod = snakeCase(s.name);
  const trait = upperCamel(s.name);
  const full = s.fullName.replace(/^\./, "");
  const methods = s.methodsArray.map((m) => {
    const req = rustPath(m.resolvedRequestType!);
    const res = rustPath(m.resolvedResponseType!);
    return { name: snakeCase(m.name), req, res };
  });
  const result = (res: string) =>
    `::core::result::Result<::tonic::Response<${res}>, ::tonic::Status>`;
  return [
    `pub mod ${mod}_server {`,
    "    #[::tonic::async_trait]",
    `    pub trait ${trait}: ::core::marker::Send + ::core::marker::Sync + 'static {`,
    ...methods.map(
      (m) =>
        `        async fn ${m.name}(&self, request: ::tonic::Request<${m.req}>) -> ${result(m.res)};`,
    ),
    "    }",
    "    #[derive(Debug)]",
    `    pub struct ${trait}Server<T> {`,
    "        inner: ::std::sync::Arc<T>,",
    "    }",
    `    impl<T: ${trait}> ${trait}Server<T> {`,
    "        pub fn new(inner: T) -> Self {",
    "            Self::from_arc(::std::sync::Arc::new(inner))",
    "        }",
    "        pub fn from_arc(inner: ::std::sync::Arc<T>) -> Self {",
    "            Self { inner }",
    "        }",
    "        pub fn inner(&self) -> &T {",
    "            &self.inner",
    "        }",
    "    }",
    `    impl<T> ::core::clone::Clone for ${trait}Server<T> {`,
    "        fn clone(&self) -> Self {",
    "            Self { inner: ::std::sync::Arc::clone(&self.inner) }",
    "        }",
    "    }",
    `    impl<T: ${trait}> ::tonic::server::NamedService for ${trait}Server<T> {`,
    `        const NAME: &'static str = "${full}";`,
    "    }",
    "}",
    `pub mod ${mod}_client {`,
    "    #[derive(Debug, Clone)]",
    `    pub struct ${trait}Client<T> {`,
    "        inner: T,",
    "    }",
    `    impl ${trait}Client<::tonic::transport::Channel> {`,
    "        pub async fn connect<D>(dst: D) -> ::core::result::Result<Self, ::tonic::transport::Error>",
    "        where",
    "            D: ::core::convert::TryInto<::tonic::transport::Endpoint, Error = ::tonic::transport::Error>,",
    "        {",
    "            let endpoint = dst.try_into()?;",
    "            ::core::result::Result::Ok(Self::new(endpoint.connect().await?))",
    "        }",
    "    }",
    `    impl<T> ${trait}Client<T> {`,
    "        pub fn new(inner: T) -> Self {",
    "            Self { inner }",
    "        }",
    "        pub fn into_inner(self) -> T {",
    "            self.inner",
    "        }",
    ...methods.flatMap((m) => [
      `        pub async fn ${m.name}(&mut self, request: impl ::tonic::IntoRequest<${m.req}>) -> ${result(m.res)} {`,
      "            let _request = request.into_request();",
      `            ::core::result::Result::Err(::tonic::Status::unimplemented("${full}/${m.name}: the tonic stand-in does not call"))`,
      "        }",
    ]),
    "    }",
    "}",
  ];
}

/** Every package's Rust source, keyed by package name (`personhog.types.v1`). */
export function protoToRust(sources: readonly ProtoSource[]): Map<string, string> {
  const root = new protobuf.Root();
  for (const s of sources) {
    try {
      protobuf.parse(s.text, root, { keepCase: true });
    } catch (err) {
      throw new Error(`${s.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  root.resolveAll();
  const packages = new Map<string, string[]>();
  const visit = (ns: protobuf.NamespaceBase) => {
    for (const n of ns.nestedArray) {
      if (
        n instanceof protobuf.Type ||
        n instanceof protobuf.Enum ||
        n instanceof protobuf.Service
      ) {
        const pkg = ns.fullName.replace(/^\./, "");
        const code = packages.get(pkg) ?? [];
        code.push(...nestedCode(n));
        packages.set(pkg, code);
      } else if (n instanceof protobuf.Namespace) {
        visit(n);
      }
    }
  };
  visit(root);
  const header = [
    "// Written by the compile harness from the proto files (lib/rust-harness/proto-to-rust.ts),",
    "// in the shape prost and tonic-build give it.",
  ];
  return new Map([...packages].map(([pkg, code]) => [pkg, [...header, ...code, ""].join("\n")]));
}
