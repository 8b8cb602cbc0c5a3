/**
 * How design fields look in TypeScript on either side of the wrapper: callers pass and get plain
 * values (int64 as number), protobuf-es v2 messages hold bigint and leave unset fields undefined.
 */
import { SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import type { Design, FieldDesign } from "../design/model";
import type { GenerateInput } from "./context";
import { tsParam, tsProperty } from "../escape/typescript";

/** Each scalar's type for callers and its zero value. */
const SCALARS: Readonly<Record<string, { readonly ts: string; readonly zero: string }>> = {
  int64: { ts: "number", zero: "0" },
  int32: { ts: "number", zero: "0" },
  double: { ts: "number", zero: "0" },
  string: { ts: "string", zero: "''" },
  bool: { ts: "boolean", zero: "false" },
  bytes: { ts: "Uint8Array", zero: "new Uint8Array()" },
};
export const isScalar = (type: string) => Object.hasOwn(SCALARS, type);
export const zeroOf = (f: FieldDesign) => SCALARS[f.type]!.zero;

export type NodeOpsFile = "persons" | "groups";
/** Each operations file's module-local converters of proto messages to Node's domain types. */
const CONVERTERS: Readonly<Record<string, { fn: string; type: string; file: NodeOpsFile }>> = {
  Group: { fn: "protoGroupToDomain", type: "DomainGroup", file: "groups" },
  Person: { fn: "protoPersonToInternal", type: "InternalPerson", file: "persons" },
};
export const converterOf = (message: string, file: NodeOpsFile) =>
  Object.hasOwn(CONVERTERS, message) && CONVERTERS[message]!.file === file
    ? CONVERTERS[message]
    : undefined;

/**
 * The fields the wrapper maps back: the new response's, or a shared response's records when the
 * file converts them; undefined when the shared response is returned as is (its other fields are
 * not modelled, so the caller maps it as its neighbours do).
 */
export function returnedFields(design: Design, file: NodeOpsFile) {
  if (design.response.kind === "new") return design.response.fields;
  const { name } = design.response;
  const records = Object.hasOwn(SHARED_RESPONSES, name) ? SHARED_RESPONSES[name]!.records : null;
  if (!records || !converterOf(records.type, file)) return undefined;
  return [{ ...records, optional: !records.repeated, comment: "" }];
}

/** One value as TS callers see it: int64 crosses the wrapper as number, messages as their type. */
const valueType = (f: FieldDesign, file?: NodeOpsFile) =>
  SCALARS[f.type]?.ts ?? (file && converterOf(f.type, file)?.type) ?? f.type;
export const listOrValue = (f: FieldDesign, file?: NodeOpsFile) =>
  f.repeated ? `${valueType(f, file)}[]` : valueType(f, file);
/** protobuf-es leaves a singular message or a proto3 optional scalar undefined when unset. */
export const mayBeUnset = (f: FieldDesign) => !f.repeated && (f.optional || !isScalar(f.type));

/** An int64 crossing the wrapper via `fn`: BigInt in, Number out (exact below 2^53). */
function int64Through(f: FieldDesign, value: string, fn: string): string {
  if (f.type !== "int64") return value;
  if (f.repeated) return `${value}.map(${fn})`;
  return f.optional ? `${value} === undefined ? undefined : ${fn}(${value})` : `${fn}(${value})`;
}

export const requestValue = (f: FieldDesign) => int64Through(f, tsParam(f.name), "BigInt");

/** A response field mapped back to plain TS: numbers, and converted messages' domain types. */
export function resultValue(f: FieldDesign, file: NodeOpsFile): string {
  const r = `response.${tsProperty(f.name)}`;
  const convert = converterOf(f.type, file);
  if (!convert) return int64Through(f, r, "Number");
  return f.repeated ? `${r}.map(${convert.fn})` : `${r} ? ${convert.fn}(${r}) : undefined`;
}

export const resultType = (f: FieldDesign, file: NodeOpsFile) =>
  `${listOrValue(f, file)}${mayBeUnset(f) ? " | undefined" : ""}`;
export const resultZero = (f: FieldDesign) =>
  f.repeated ? "[]" : mayBeUnset(f) ? "undefined" : zeroOf(f);

export function readOptionsHelper({ design }: GenerateInput): string | null {
  if (design.operation !== "read" || !design.readOptions) return null;
  return design.consistency === "strong" ? "strongReadOptions" : "eventualReadOptions";
}
