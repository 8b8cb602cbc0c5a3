/**
 * Declarations standing in for `@bufbuild/protobuf` v2 and `@connectrpc/connect` v2 (neither can
 * be installed here): only what personhog's Node client uses, typed the way the real packages type
 * it. `create(Schema, init)` takes the message's init shape (every field optional, a nested message
 * as its own init) and returns the message; a `Client` method takes the request's init shape and
 * resolves to the response message; a `ServiceImpl` method returns the response's init shape, so
 * `SERVICE_DEFAULTS` entries are checked field by field (an unknown key, a number for an int64).
 */

export const PROTOBUF_DTS = `
export type Message<TypeName extends string = string> = {
  readonly $typeName: TypeName;
  $unknown?: { no: number; wireType: number; data: Uint8Array }[];
};

export interface DescMessage {
  readonly kind: "message";
  readonly typeName: string;
}
export interface DescEnum {
  readonly kind: "enum";
  readonly typeName: string;
}
/** A message schema, carrying its runtime shape as a phantom type. */
export interface GenMessage<RuntimeShape extends Message> extends DescMessage {
  readonly $shape?: RuntimeShape;
}
export interface GenEnum<Shape extends number> extends DescEnum {
  readonly $shape?: Shape;
}
export interface DescMethodUnary<I extends DescMessage = DescMessage, O extends DescMessage = DescMessage> {
  readonly methodKind: "unary";
  readonly input: I;
  readonly output: O;
}
export interface DescService {
  readonly kind: "service";
  readonly typeName: string;
  readonly method: Record<string, DescMethodUnary>;
}
export type GenService<Methods extends Record<string, DescMethodUnary>> = DescService & {
  readonly method: Methods;
};

export type MessageShape<Desc extends DescMessage> = Desc extends GenMessage<infer S> ? S : Message;

type FieldInit<F> = F extends Uint8Array | bigint | boolean | string | number
  ? F
  : F extends (infer E)[]
    ? FieldInit<E>[]
    : F extends Message
      ? MessageInit<F> | F
      : F;
export type MessageInit<T extends Message> = {
  [P in keyof T as P extends "$typeName" | "$unknown" ? never : P]?: FieldInit<T[P]>;
};
export type MessageInitShape<Desc extends DescMessage> =
  Desc extends GenMessage<infer S> ? S | MessageInit<S> : Record<string, unknown>;

export declare function create<Desc extends DescMessage>(
  schema: Desc,
  init?: MessageInitShape<Desc>,
): MessageShape<Desc>;
`;

export const CONNECT_DTS = `
import type { DescMessage, DescMethodUnary, DescService, MessageInitShape, MessageShape } from "@bufbuild/protobuf";

export enum Code {
  Canceled = 1,
  Unknown = 2,
  InvalidArgument = 3,
  DeadlineExceeded = 4,
  NotFound = 5,
  AlreadyExists = 6,
  PermissionDenied = 7,
  ResourceExhausted = 8,
  FailedPrecondition = 9,
  Aborted = 10,
  OutOfRange = 11,
  Unimplemented = 12,
  Internal = 13,
  Unavailable = 14,
  DataLoss = 15,
  Unauthenticated = 16,
}
export declare class ConnectError extends Error {
  readonly code: Code;
  constructor(message: string, code?: Code);
}

export type HeadersInit = Record<string, string> | [string, string][];
export interface CallOptions {
  timeoutMs?: number;
  headers?: HeadersInit;
  signal?: AbortSignal;
}
interface AbortSignal {
  readonly aborted: boolean;
}
export interface HandlerContext {
  readonly requestHeader: { get(name: string): string | null };
}

export interface Transport {
  readonly $transport: true;
}

type UnaryFn<I extends DescMessage, O extends DescMessage> = (
  request: MessageInitShape<I>,
  options?: CallOptions,
) => Promise<MessageShape<O>>;
export type Client<Desc extends DescService> = {
  [P in keyof Desc["method"]]: Desc["method"][P] extends DescMethodUnary<infer I, infer O>
    ? UnaryFn<I, O>
    : never;
};
export declare function createClient<Desc extends DescService>(service: Desc, transport: Transport): Client<Desc>;

type UnaryImpl<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  context: HandlerContext,
) => Promise<MessageInitShape<O>> | MessageInitShape<O>;
export type ServiceImpl<Desc extends DescService> = {
  [P in keyof Desc["method"]]: Desc["method"][P] extends DescMethodUnary<infer I, infer O>
    ? UnaryImpl<I, O>
    : never;
};

export interface ConnectRouter {
  service<Desc extends DescService>(service: Desc, implementation: Partial<ServiceImpl<Desc>>): this;
}
export declare function createRouterTransport(routes: (router: ConnectRouter) => void): Transport;
`;
