/**
 * Reserved words of the generated languages, each list as its own compiler or code generator
 * has it. escape/ maps field names around them; rpc-name.ts refuses RPC names that hit them.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * Rust keywords prost writes as raw identifiers (`r#type`): strict and reserved words of
 * editions 2015, 2018 and 2024 (prost-build's `sanitize_identifier`).
 */
export const RUST_RAW = words(`
  as break const continue else enum false fn for if impl in let loop match mod move mut pub ref
  return static struct trait true type unsafe use where while dyn abstract become box do final
  macro override priv typeof unsized virtual yield async await try gen
`);

/** Keywords Rust refuses even as raw identifiers: prost appends `_` (`self_`). */
export const RUST_SUFFIXED = words("_ self super crate Self extern");

/** Python 3 keywords (`keyword.kwlist`): never a name, an attribute or a keyword argument. */
export const PYTHON_KEYWORDS = words(`
  False None True and as assert async await break class continue def del elif else except
  finally for from global if import in is lambda nonlocal not or pass raise return try while
  with yield
`);

/**
 * Names a TypeScript parameter cannot take in a module (strict mode): reserved words, strict-mode
 * reserved words, `arguments` and `eval`; and two that parse but mislead: `this` (it would declare
 * the method's this-type) and `undefined` (it would shadow the wrapper's comparisons).
 */
export const TS_BINDING_RESERVED = words(`
  break case catch class const continue debugger default delete do else enum export extends
  false finally for function if import in instanceof new null return super switch this throw
  true try typeof var void while with implements interface let package private protected public
  static yield await arguments eval undefined
`);

/** Object properties protobuf-es v2 renames with a `$` suffix (`safeObjectProperty`). */
export const PROTOBUF_ES_RESERVED = words("constructor toString toJSON valueOf");
