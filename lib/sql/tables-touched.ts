/** The tables a statement touches, each with its data category: whether it belongs in personhog. */
import { personhogTable, type DataCategory } from "../catalogue/tables";

export interface TableTouched {
  readonly name: string;
  /** null when the table is not personhog data. */
  readonly category: DataCategory | null;
}

export function tablesTouched(names: Iterable<string>): TableTouched[] {
  return [...new Set(names)]
    .sort()
    .map((name) => ({ name, category: personhogTable(name)?.category ?? null }));
}
