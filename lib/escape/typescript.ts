/**
 * The TypeScript contexts design names reach: the property protobuf-es gives a proto field, and
 * the wrapper's parameter for it. (No design text reaches a TypeScript comment or string.)
 */
import { camelFromSnake } from "../catalogue/naming";
import { PROTOBUF_ES_RESERVED, TS_BINDING_RESERVED } from "./keywords";

/** A proto field's property on protobuf-es v2 messages: lowerCamel, `$` after a reserved name. */
export function tsProperty(field: string): string {
  const camel = camelFromSnake(field);
  return PROTOBUF_ES_RESERVED.has(camel) ? `${camel}$` : camel;
}

/** Names the Node wrapper itself uses: a parameter must not shadow them. */
const WRAPPER_NAMES: ReadonlySet<string> = new Set([
  "callerTag",
  "response",
  "create",
  "eventualReadOptions",
  "strongReadOptions",
]);

/**
 * The wrapper's parameter for a request field: its lowerCamel name, or `<name>Value` when that is
 * a word a parameter cannot be, or one the wrapper itself uses (`create`, `callerTag`…).
 */
export function tsParam(field: string): string {
  const camel = camelFromSnake(field);
  return TS_BINDING_RESERVED.has(camel) || WRAPPER_NAMES.has(camel) ? `${camel}Value` : camel;
}
