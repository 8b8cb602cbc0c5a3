import type { HostileRow } from "./row";

export const SQL_ROWS: readonly HostileRow[] = [];
