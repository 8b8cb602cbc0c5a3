import { PERSONHOG_TABLES } from "@/lib/catalogue/tables";
import { designCategory, mixedCategories, tablesOutside } from "@/lib/design/derive";
import { Checkbox } from "@/components/ui/checkbox";
import { Choice } from "@/components/ui/choice";
import type { DesignFormProps } from "./design-form-props";

/** The tables the RPC touches, picked or taken from the checked SQL, and the category they imply. */
export function TablesPicker(
  props: DesignFormProps & { readonly sqlTables: readonly string[] | null },
) {
  const { design, update, sqlTables } = props;
  const toggle = (name: string, on: boolean) =>
    update({ tables: on ? [...design.tables, name] : design.tables.filter((t) => t !== name) });
  const outside = tablesOutside(design);
  const mixed = mixedCategories(design);
  const sqlDiffers =
    sqlTables &&
    JSON.stringify([...sqlTables].sort()) !== JSON.stringify([...design.tables].sort());
  return (
    <fieldset data-testid="tables-picker" className="space-y-2 text-sm">
      <legend className="font-semibold">Tables</legend>
      {/* One column: the longest names do not fit two to a row in the step's column. */}
      <div className="grid gap-1">
        {PERSONHOG_TABLES.map((t) => (
          // Wraps on a phone: the longest name and its category do not fit one 390 px row.
          <Checkbox
            key={t.name}
            checked={design.tables.includes(t.name)}
            onChange={(on) => toggle(t.name, on)}
            className="flex flex-wrap items-center gap-x-2"
          >
            <code className="min-w-0 [overflow-wrap:anywhere]">{t.name}</code>{" "}
            <span className="text-xs text-slate-600 dark:text-slate-400">{t.category}</span>
          </Checkbox>
        ))}
      </div>
      {outside.length > 0 && (
        <p className="text-red-700 dark:text-red-300">
          Not personhog tables: {outside.join(", ")}.
        </p>
      )}
      {sqlDiffers && (
        <button
          type="button"
          data-testid="use-sql-tables"
          onClick={() => update({ tables: [...sqlTables] })}
          className="rounded border border-blue-700 px-2 py-0.5 text-xs text-blue-800 dark:text-blue-200"
        >
          Use the tables from the SQL ({sqlTables.join(", ")})
        </button>
      )}
      {(mixed || design.categoryOverride) && (
        <Choice
          label="These tables mix categories: classify the RPC by its purpose"
          value={design.categoryOverride ?? "unset"}
          options={["unset", "PersonData", "NonPersonData"] as const}
          labels={{ unset: "(choose)" }}
          onChange={(v) => update({ categoryOverride: v === "unset" ? null : v })}
        />
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Category: {designCategory(design) ?? "undecided"}
      </p>
    </fieldset>
  );
}
