import type { HostileRow } from "./row";

export const DESIGN_ROWS: readonly HostileRow[] = [];
