/**
 * Every directive a guide page may use, `<!-- generated: NAME key=value … -->`, and what it expands
 * to: tables from the catalogue and the schema, lists of RPC names for a sentence, and code from
 * the generators. An unknown name or argument fails the build rather than printing nothing.
 */
import { NAME_LISTS, nodeLayoutsTable, protoFilesTable, routingTable } from "./fact-blocks";
import { eligibilityTable, indexReference, sqlRulesTable } from "./reference-tables";
import { designSqlBlock, snippetBlock, type DirectiveArgs } from "./snippet-blocks";

export type { DirectiveArgs };

const withoutArgs =
  (name: string, render: () => string) =>
  (args: DirectiveArgs): string => {
    if (Object.keys(args).length > 0) throw new Error(`"${name}" takes no arguments.`);
    return render();
  };

const TABLES: Readonly<Record<string, () => string>> = {
  eligibility: eligibilityTable,
  indexes: indexReference,
  "sql-rules": sqlRulesTable,
  routing: routingTable,
  "proto-files": protoFilesTable,
  "node-layouts": nodeLayoutsTable,
  ...NAME_LISTS,
};

export const GENERATED_BLOCKS: Readonly<Record<string, (args: DirectiveArgs) => string>> = {
  ...Object.fromEntries(
    Object.entries(TABLES).map(([name, render]) => [name, withoutArgs(name, render)]),
  ),
  snippet: snippetBlock,
  "design-sql": designSqlBlock,
};
