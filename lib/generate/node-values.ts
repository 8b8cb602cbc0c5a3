/**
 * How design fields look in TypeScript on either side of the wrapper: callers pass and get plain
 * values (int64 as number), protobuf-es v2 messages hold bigint and leave unset fields undefined.
 */
import type { FieldDesign } from "../design/model";
import type { GenerateInput } from "./context";
import { tsParam, tsProperty } from "../escape/typescript";

const SCALAR_TS: Readonly<Record<string, string>> = {
  int64: "number",
  int32: "number",
  double: "number",
  string: "string",
  bool: "boolean",
  bytes: "Uint8Array",
};
export const ZERO: Readonly<Record<string, string>> = {
  int64: "0",
  int32: "0",
  double: "0",
  string: "''",
  bool: "false",
  bytes: "new Uint8Array()",
};
export const isScalar = (type: string) => Object.hasOwn(SCALAR_TS, type);

/** A proto message the wrapper's file converts to the domain type the rest of Node reads. */
export interface Converter {
  readonly fn: string;
  readonly type: string;
}
/** The converters each operations file defines (module-local, so only that file's wrappers use them). */
const CONVERTERS: Readonly<Record<string, Converter & { readonly file: NodeOpsFile }>> = {
  Group: { fn: "protoGroupToDomain", type: "DomainGroup", file: "groups" },
  Person: { fn: "protoPersonToInternal", type: "InternalPerson", file: "persons" },
};
export type NodeOpsFile = "persons" | "groups";
export const converterOf = (message: string, file: NodeOpsFile): Converter | undefined =>
  Object.hasOwn(CONVERTERS, message) && CONVERTERS[message]!.file === file
    ? CONVERTERS[message]
    : undefined;

/** One value as TS callers see it: int64 crosses the wrapper as number, messages as their type. */
const valueType = (f: FieldDesign, file?: NodeOpsFile) =>
  SCALAR_TS[f.type] ?? (file && converterOf(f.type, file)?.type) ?? f.type;
export const listOrValue = (f: FieldDesign, file?: NodeOpsFile) =>
  f.repeated ? `${valueType(f, file)}[]` : valueType(f, file);
/** protobuf-es leaves a singular message or a proto3 optional scalar undefined when unset. */
export const mayBeUnset = (f: FieldDesign) => !f.repeated && (f.optional || !isScalar(f.type));

export const paramName = (f: FieldDesign) => tsParam(f.name);

/** Request init value from a plain TS parameter: int64 is bigint in protobuf-es v2. */
export function requestValue(f: FieldDesign): string {
  const p = paramName(f);
  if (f.type !== "int64") return p;
  if (f.repeated) return `${p}.map(BigInt)`;
  return f.optional ? `${p} === undefined ? undefined : BigInt(${p})` : `BigInt(${p})`;
}

/** A response field mapped back to plain TS (bigint → number, exact below 2^53; domain types). */
export function resultValue(f: FieldDesign, file: NodeOpsFile): string {
  const r = `response.${tsProperty(f.name)}`;
  const convert = converterOf(f.type, file);
  if (convert)
    return f.repeated ? `${r}.map(${convert.fn})` : `${r} ? ${convert.fn}(${r}) : undefined`;
  if (f.type !== "int64") return r;
  if (f.repeated) return `${r}.map(Number)`;
  return f.optional ? `${r} === undefined ? undefined : Number(${r})` : `Number(${r})`;
}

export const resultType = (f: FieldDesign, file: NodeOpsFile) =>
  `${listOrValue(f, file)}${mayBeUnset(f) ? " | undefined" : ""}`;
export const resultZero = (f: FieldDesign) =>
  f.repeated ? "[]" : mayBeUnset(f) ? "undefined" : ZERO[f.type];

export function readOptionsHelper({ design }: GenerateInput): string | null {
  if (design.operation !== "read" || !design.readOptions) return null;
  return design.consistency === "strong" ? "strongReadOptions" : "eventualReadOptions";
}
