/**
 * The replica's storage row types that `query_as!` fills, field by field, with the Rust type each
 * field decodes into (code-facts §4, `storage/types/*.rs`). The generator writes a SELECT list
 * that decodes into exactly these fields; a new design's result struct is described the same way
 * from its response fields.
 */

/** What a field holds, as sqlx decodes it. */
export type RowValue =
  "i64" | "i32" | "bool" | "f64" | "String" | "Value" | "DateTime" | "Uuid" | "Bytes";

export interface RowField {
  readonly name: string;
  readonly value: RowValue;
  /** The field is an `Option`. */
  readonly nullable: boolean;
}

const f = (name: string, value: RowValue, nullable = false): RowField => ({
  name,
  value,
  nullable,
});

// Alike on purpose: each row type is data, its fields written out as the Rust struct has them.
export const STORAGE_ROWS: Readonly<Record<string, readonly RowField[]>> = {
  Group: [
    f("id", "i64"),
    f("team_id", "i64"),
    f("group_type_index", "i32"),
    f("group_key", "String"),
    f("group_properties", "Value"),
    f("created_at", "DateTime"),
    f("properties_last_updated_at", "Value", true),
    f("properties_last_operation", "Value", true),
    f("version", "i64"),
  ],
  GroupTypeMapping: [
    f("id", "i64"),
    f("team_id", "i64"),
    f("project_id", "i64"),
    f("group_type", "String"),
    f("group_type_index", "i32"),
    f("name_singular", "String", true),
    f("name_plural", "String", true),
    f("default_columns", "Value", true),
    f("detail_dashboard_id", "i64", true),
    f("created_at", "DateTime", true),
  ],
  // check_cohort_membership's rows: one per asked cohort (types/cohort.rs).
  CohortMembership: [f("cohort_id", "i64"), f("is_member", "bool")],
  // get_distinct_ids_for_person's rows (types/person.rs): a distinct id's version may be NULL.
  DistinctIdWithVersion: [f("distinct_id", "String"), f("version", "i64", true)],
  // personhog_common::persons::Person: the JSON columns are read as text (`properties::text`) and
  // parsed on the way out; is_user_id, an integer column, is read as a flag.
  Person: [
    f("id", "i64"),
    f("uuid", "Uuid"),
    f("team_id", "i64"),
    f("properties", "String", true),
    f("properties_last_updated_at", "String", true),
    f("properties_last_operation", "String", true),
    f("created_at", "DateTime"),
    f("version", "i64", true),
    f("is_identified", "bool"),
    f("is_user_id", "bool", true),
    f("last_seen_at", "DateTime", true),
  ],
};
