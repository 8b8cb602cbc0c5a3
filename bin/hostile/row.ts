/**
 * One attack on the CLI, as a row of the hostile-input table (`bin/hostile.test.ts`): what is run,
 * what it must answer, and for SQL that the lab database is the same afterwards.
 */
export interface HostileRow {
  /** Unique, says what the attack is. */
  readonly name: string;
  /** Arguments after `personhog-rpc`. `{dir}` is replaced by a fresh temporary folder. */
  readonly argv: readonly string[];
  readonly stdin?: string;
  /** Files written into `{dir}` before the run, by name. */
  readonly files?: Readonly<Record<string, string>>;
  readonly exit: 0 | 1 | 2;
  /** What standard error must show (every pattern must match). */
  readonly stderr?: readonly RegExp[];
  /** What standard output must show (every pattern must match). */
  readonly stdout?: readonly RegExp[];
  /** What neither output may contain (an injected line, a raw escape character…). */
  readonly never?: readonly RegExp[];
  /** SQL attacks: the lab database must be unchanged afterwards. */
  readonly dbUnchanged?: boolean;
}
