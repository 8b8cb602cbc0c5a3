/**
 * PostgreSQL refuses an ON CONFLICT target that matches no unique index ("there is no unique or
 * exclusion constraint matching the ON CONFLICT specification") without saying which would. The
 * lab knows the target table's unique keys: the message names them, so the fix is one edit.
 */
import { findTable } from "./schema";
import { nameOf, tokenize } from "./tokens";

const NO_MATCHING_CONSTRAINT = "no unique or exclusion constraint matching the ON CONFLICT";

/** The table an INSERT writes (`INSERT INTO [schema.]name`), as the schema names it. */
function insertTarget(sql: string): string | null {
  const { tokens } = tokenize(sql);
  const at = tokens.findIndex((t, k) => t.lower === "insert" && tokens[k + 1]?.lower === "into");
  if (at < 0) return null;
  let k = at + 2;
  if (sql.slice(tokens[k + 1]?.start, tokens[k + 1]?.end) === ".") k += 2;
  return nameOf(sql, tokens[k]);
}

/** The sentence to add to PostgreSQL's message, or null when it is another error. */
export function conflictHint(message: string, sql: string): string | null {
  if (!message.includes(NO_MATCHING_CONSTRAINT)) return null;
  const name = insertTarget(sql);
  const table = name ? findTable(name) : undefined;
  if (!table) return null;
  const keys = table.indexes
    .filter((ix) => ix.unique && !ix.where && !ix.perPartition)
    .map((ix) => `(${ix.columns.join(", ")})`);
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return null;
  return (
    `The unique keys of ${table.name} are ${distinct.join(" and ")}: name one of them as the ` +
    `conflict target (\`ON CONFLICT ${distinct[distinct.length - 1]}\`), all of its columns and no other.`
  );
}
