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

const groupsTs = (gen: string) => `import { create } from '@bufbuild/protobuf'
import type { Client } from '@connectrpc/connect'

import type { PersonHogService } from '${gen}service/v1/service_pb'
import { GetGroupRequestSchema, type Group as ProtoGroup } from '${gen}types/v1/group_pb'
import { epochMsToDate, eventualReadOptions, parseJsonBytes } from './client'

export interface DomainGroup {
    id: number
    team_id: number
    group_type_index: number
    group_key: string
    group_properties: Record<string, unknown>
    created_at: Date
    version: number
}

function protoGroupToDomain(proto: ProtoGroup): DomainGroup {
    return {
        id: Number(proto.id),
        team_id: Number(proto.teamId),
        group_type_index: proto.groupTypeIndex,
        group_key: proto.groupKey,
        group_properties: (parseJsonBytes(proto.groupProperties) ?? {}) as Record<string, unknown>,
        created_at: epochMsToDate(proto.createdAt),
        version: Number(proto.version),
    }
}

export class PersonHogGroupOperations {
    constructor(private client: Client<typeof PersonHogService>) {}

    async fetchGroup(
        teamId: number,
        groupTypeIndex: number,
        groupKey: string,
        callerTag?: string
    ): Promise<DomainGroup | undefined> {
        const response = await this.client.getGroup(
            create(GetGroupRequestSchema, {
                teamId: BigInt(teamId),
                groupTypeIndex,
                groupKey,
                readOptions: eventualReadOptions(),
            }),
            callerTag ? { headers: { 'x-caller-tag': callerTag } } : undefined
        )
        return response.group ? protoGroupToDomain(response.group) : undefined
    }
}
`;

const personsTs = (gen: string) => `import { create } from '@bufbuild/protobuf'
import type { Client } from '@connectrpc/connect'

import type { PersonHogService } from '${gen}service/v1/service_pb'
import { GetPersonRequestSchema, type Person as ProtoPerson } from '${gen}types/v1/person_pb'
import { epochMsToDate, eventualReadOptions, parseJsonBytes } from './client'

export interface InternalPerson {
    id: string
    uuid: string
    team_id: number
    properties: Record<string, unknown>
    created_at: Date
    version: number
}

function protoPersonToInternal(proto: ProtoPerson): InternalPerson {
    return {
        id: proto.id.toString(),
        uuid: proto.uuid,
        team_id: Number(proto.teamId),
        properties: (parseJsonBytes(proto.properties) ?? {}) as Record<string, unknown>,
        created_at: epochMsToDate(proto.createdAt),
        version: Number(proto.version),
    }
}

export class PersonHogPersonOperations {
    constructor(private client: Client<typeof PersonHogService>) {}

    async fetchPerson(teamId: number, personId: number, callerTag?: string): Promise<InternalPerson | undefined> {
        const response = await this.client.getPerson(
            create(GetPersonRequestSchema, {
                teamId: BigInt(teamId),
                personId: BigInt(personId),
                readOptions: eventualReadOptions(),
            }),
            callerTag ? { headers: { 'x-caller-tag': callerTag } } : undefined
        )
        return response.person ? protoPersonToInternal(response.person) : undefined
    }
}
`;

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
    [`${dir}/groups.ts`, groupsTs(gen)],
    [`${dir}/persons.ts`, personsTs(gen)],
    [`${dir}/client.test.ts`, clientTestTs(gen)],
  ]);
}
