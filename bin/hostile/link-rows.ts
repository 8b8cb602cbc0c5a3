import type { HostileRow } from "./row";

export const LINK_ROWS: readonly HostileRow[] = [];
