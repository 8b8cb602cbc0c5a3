/** Version 1: the RPC name and SQL as plain parameters, `name` and `sql`, over the worked example. */
import type { Payload } from "../payload";
import type { LinkVersion } from "./link-version";

/** A v2 payload is a delta over the worked example, so v1's two fields carry over as they are. */
export function v1ToV2(payload: Payload): Payload {
  const delta: Payload = Object.create(null);
  if (payload.name !== undefined) delta.rpcName = payload.name;
  if (payload.sql !== undefined) delta.sql = payload.sql;
  return delta;
}

const PARAMS = ["name", "sql"] as const;

export const V1: LinkVersion = {
  params: PARAMS,
  async read(params, warnings) {
    const payload: Payload = Object.create(null);
    for (const param of PARAMS) {
      const value = params.get(param);
      if (value !== null) payload[param] = value;
    }
    const missing = PARAMS.filter((param) => payload[param] === undefined);
    if (missing.length === PARAMS.length) {
      warnings.push("The version 1 link holds neither name nor sql; nothing was loaded.");
      return null;
    }
    for (const param of missing)
      warnings.push(`The version 1 link has no ${param}; the worked example's is used.`);
    return payload;
  },
  toNext: v1ToV2,
};
