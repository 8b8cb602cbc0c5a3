/**
 * A stand-in of personhog's Node client module for each layout, written for this project from
 * code-facts §7 and §11.6 (never copied): `client.ts` builds the client in a constructor local and
 * hands it to the operations classes (`PersonHogGroupOperations`, `PersonHogPersonOperations`, each
 * `constructor(private client: Client<typeof PersonHogService>)`), which hold the wrappers and the
 * converters to domain types (`protoGroupToDomain`); `client.test.ts` has `SERVICE_DEFAULTS` typed
 * as the service's implementation. The two layouts differ in folder and in where the generated
 * code is imported from; in both, `PersonHogClient` has no `this.client`.
 */
import type { Design } from "../design/model";

export type NodeLayout = Design["nodeLayout"];

export interface LayoutStandIn {
  /** The folder of client.ts, persons.ts, groups.ts and client.test.ts. */
  readonly dir: string;
  /** Where protoc-gen-es writes (`<root>personhog/types/v1/group_pb.ts`). */
  readonly generatedRoot: string;
  /** How files of `dir` import the generated code (`<prefix>service/v1/service_pb`). */
  readonly importPrefix: string;
}

export const LAYOUT_STAND_INS: Readonly<Record<NodeLayout, LayoutStandIn>> = {
  "ingestion-client": {
    dir: "nodejs/src/ingestion/personhog",
    generatedRoot: "nodejs/src/generated/personhog/",
    importPrefix: "../../generated/personhog/personhog/",
  },
  "common-operations": {
    dir: "nodejs/src/common/personhog",
    generatedRoot: "nodejs/src/common/generated/",
    importPrefix: "~/common/generated/personhog/",
  },
};

const clientTs = (gen: string) => `import { create } from '@bufbuild/protobuf'
import { type Transport, createClient } from '@connectrpc/connect'

import { PersonHogService } from '${gen}service/v1/service_pb'
import { ConsistencyLevel, ReadOptionsSchema } from '${gen}types/v1/common_pb'
import { PersonHogGroupOperations } from './groups'
import { PersonHogPersonOperations } from './persons'

const textDecoder = new TextDecoder()

export function parseJsonBytes(bytes: Uint8Array): unknown {
    return bytes.length === 0 ? null : JSON.parse(textDecoder.decode(bytes))
}

export function epochMsToDate(epochMs: bigint): Date {
    return new Date(Number(epochMs))
}

export function eventualReadOptions() {
    return create(ReadOptionsSchema, { consistency: ConsistencyLevel.EVENTUAL })
}

export class PersonHogClient {
    readonly groups: PersonHogGroupOperations
    readonly persons: PersonHogPersonOperations

    private constructor(transport: Transport) {
        const client = createClient(PersonHogService, transport)
        this.groups = new PersonHogGroupOperations(client)
        this.persons = new PersonHogPersonOperations(client)
    }

    static fromTransport(transport: Transport): PersonHogClient {
        return new PersonHogClient(transport)
    }
}
`;

/** An operations file: its domain type and converter, and a class with one wrapper. */
interface OperationsFile {
  readonly className: string;
  readonly proto: string;
  readonly domain: string;
  readonly converter: string;
  /** The domain type's members: name, type, and the converter's value for it. */
  readonly members: readonly (readonly [string, string, string])[];
  /** The wrapper: its name, parameters, the rpc, the request's init lines and the response field. */
  readonly wrapper: {
    readonly name: string;
    readonly params: string;
    readonly rpc: string;
    readonly init: readonly string[];
    readonly field: string;
  };
}

const operationsTs = (gen: string, file: string, o: OperationsFile) => {
  const w = o.wrapper;
  const request = `${w.rpc.charAt(0).toUpperCase()}${w.rpc.slice(1)}RequestSchema`;
  return `import { create } from '@bufbuild/protobuf'
import type { Client } from '@connectrpc/connect'

import type { PersonHogService } from '${gen}service/v1/service_pb'
import { ${request}, type ${o.proto} as Proto${o.proto} } from '${gen}types/v1/${file}_pb'
import { epochMsToDate, eventualReadOptions, parseJsonBytes } from './client'

export interface ${o.domain} {
${o.members.map(([name, type]) => `    ${name}: ${type}`).join("\n")}
}

function ${o.converter}(proto: Proto${o.proto}): ${o.domain} {
    return {
${o.members.map(([name, , value]) => `        ${name}: ${value},`).join("\n")}
    }
}

export class ${o.className} {
    constructor(private client: Client<typeof PersonHogService>) {}

    async ${w.name}(${w.params}, callerTag?: string): Promise<${o.domain} | undefined> {
        const response = await this.client.${w.rpc}(
            create(${request}, {
${w.init.map((line) => `                ${line},`).join("\n")}
                readOptions: eventualReadOptions(),
            }),
            callerTag ? { headers: { 'x-caller-tag': callerTag } } : undefined
        )
        return response.${w.field} ? ${o.converter}(response.${w.field}) : undefined
    }
}
`;
};

const JSON_OBJECT = "Record<string, unknown>";

// Alike on purpose: GROUPS and PERSONS are two records for the one template above (operationsTs),
// each holding only what its file differs in.
const GROUPS: OperationsFile = {
  className: "PersonHogGroupOperations",
  proto: "Group",
  domain: "DomainGroup",
  converter: "protoGroupToDomain",
  members: [
    ["id", "number", "Number(proto.id)"],
    ["team_id", "number", "Number(proto.teamId)"],
    ["group_type_index", "number", "proto.groupTypeIndex"],
    ["group_key", "string", "proto.groupKey"],
    [
      "group_properties",
      JSON_OBJECT,
      `(parseJsonBytes(proto.groupProperties) ?? {}) as ${JSON_OBJECT}`,
    ],
    ["created_at", "Date", "epochMsToDate(proto.createdAt)"],
    ["version", "number", "Number(proto.version)"],
  ],
  wrapper: {
    name: "fetchGroup",
    params: "teamId: number, groupTypeIndex: number, groupKey: string",
    rpc: "getGroup",
    init: ["teamId: BigInt(teamId)", "groupTypeIndex", "groupKey"],
    field: "group",
  },
};

const PERSONS: OperationsFile = {
  className: "PersonHogPersonOperations",
  proto: "Person",
  domain: "InternalPerson",
  converter: "protoPersonToInternal",
  members: [
    ["id", "string", "proto.id.toString()"],
    ["uuid", "string", "proto.uuid"],
    ["team_id", "number", "Number(proto.teamId)"],
    ["properties", JSON_OBJECT, `(parseJsonBytes(proto.properties) ?? {}) as ${JSON_OBJECT}`],
    ["created_at", "Date", "epochMsToDate(proto.createdAt)"],
    ["version", "number", "Number(proto.version)"],
  ],
  wrapper: {
    name: "fetchPerson",
    params: "teamId: number, personId: number",
    rpc: "getPerson",
    init: ["teamId: BigInt(teamId)", "personId: BigInt(personId)"],
    field: "person",
  },
};

/** One entry per RPC of the skeleton's service.proto, in its order; the snippet adds its own. */
const clientTestTs = (
  gen: string,
) => `import { type ServiceImpl, createRouterTransport } from '@connectrpc/connect'

import { PersonHogService } from '${gen}service/v1/service_pb'
import { PersonHogClient } from './client'

const SERVICE_DEFAULTS: ServiceImpl<typeof PersonHogService> = {
    getPerson: () => ({}),
    getDistinctIdsForPerson: () => ({ distinctIds: [] }),
    deleteHashKeyOverridesByTeams: () => ({ deletedCount: 0n }),
    countCohortMembers: () => ({ count: 0n }),
    deleteCohortMember: () => ({ deleted: false }),
    getGroup: () => ({}),
    updatePersonProperties: () => ({}),
}

export function createMockClient(overrides: Partial<ServiceImpl<typeof PersonHogService>> = {}): PersonHogClient {
    const transport = createRouterTransport(({ service }) =>
        service(PersonHogService, { ...SERVICE_DEFAULTS, ...overrides })
    )
    return PersonHogClient.fromTransport(transport)
}
`;

/** The layout's four files, repository-relative path → text. */
export function clientModule(layout: NodeLayout): Map<string, string> {
  const { dir, importPrefix: gen } = LAYOUT_STAND_INS[layout];
  return new Map([
    [`${dir}/client.ts`, clientTs(gen)],
    [`${dir}/groups.ts`, operationsTs(gen, "group", GROUPS)],
    [`${dir}/persons.ts`, operationsTs(gen, "person", PERSONS)],
    [`${dir}/client.test.ts`, clientTestTs(gen)],
  ]);
}
