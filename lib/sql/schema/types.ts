/**
 * Shapes of the persons-database schema. The schema is data first: the DDL, the guide's index
 * reference and the plan analysis are all derived from these objects, so they cannot drift apart.
 */

export interface ColumnSpec {
  readonly name: string;
  /** PostgreSQL type as written in DDL. */
  readonly type: string;
  readonly notNull: boolean;
  /** SQL default expression, or an identity marker. */
  readonly default?: string;
  readonly identity?: boolean;
}

export interface IndexSpec {
  readonly name: string;
  readonly unique: boolean;
  /**
   * Key columns in order; the leading column decides whether a lookup is possible. An expression
   * key is written in parentheses as PostgreSQL prints it, without casts on literals
   * (`(properties ->> 'email')`), which is how the index reasoning keys a condition on it.
   */
  readonly columns: readonly string[];
  readonly include?: readonly string[];
  /** Partial-index predicate, as SQL. */
  readonly where?: string;
  /** Emitted as a table constraint (PRIMARY KEY / UNIQUE) rather than CREATE INDEX. */
  readonly kind: "primary" | "unique-constraint" | "index";
  /** One index per partition, created on each partition rather than on the parent. */
  readonly perPartition?: boolean;
  /** A key that holds only a handful of rows (a team's group types), so filtering after it is cheap. */
  readonly fewRowsPerKey?: boolean;
  /** Why it exists or what differs between environments; shown in the reference. */
  readonly note?: string;
}

export interface ForeignKeySpec {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: { readonly table: string; readonly columns: readonly string[] };
  /** Trailing clause: ON DELETE …, DEFERRABLE …, NOT VALID. */
  readonly options?: string;
}

/**
 * What columns point at where no constraint in this database says so: a foreign key dropped from
 * the persons database, or a row of the main database (a team, a project, a cohort). Never built
 * as DDL; the join check reads it with the foreign keys to know which columns mean the same thing.
 */
export interface ReferenceSpec {
  readonly columns: readonly string[];
  readonly references: { readonly table: string; readonly columns: readonly string[] };
  /** Why no constraint holds it here. */
  readonly why: string;
}

export interface CheckSpec {
  readonly name: string;
  readonly expression: string;
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly indexes: readonly IndexSpec[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  readonly references?: readonly ReferenceSpec[];
  readonly checks?: readonly CheckSpec[];
  /** Hash partitioning: the key column and how many partitions. */
  readonly partitions?: { readonly key: string; readonly count: number };
  /** Facts about the table a reader of the reference needs. */
  readonly notes?: readonly string[];
}
