/**
 * The TypeScript contexts design names reach: the property protobuf-es gives a proto field, and
 * the wrapper's parameter for it. (No design text reaches a TypeScript comment or string.)
 */
import { camelFromSnake } from "../../catalogue/naming";
import { PROTOBUF_ES_RESERVED, TS_BINDING_RESERVED } from "./keywords";

/** A proto field's property on protobuf-es v2 messages: lowerCamel, `$` after a reserved name. */
export function tsProperty(field: string): string {
  const camel = camelFromSnake(field);
  return PROTOBUF_ES_RESERVED.has(camel) ? `${camel}$` : camel;
}

/**
 * The wrapper's parameter for a field: its lowerCamel name, or `<name>Value` when that is a word
 * a parameter cannot be, or one the wrapper itself uses (`create`, `callerTag`, `response`…).
 */
export function tsParam(field: string, taken: ReadonlySet<string>): string {
  const camel = camelFromSnake(field);
  return TS_BINDING_RESERVED.has(camel) || taken.has(camel) ? `${camel}Value` : camel;
}
