/**
 * A text fingerprint of the lab database: everything a statement could have changed, one line
 * each, so a test can prove that an attack left the database as it was (equal fingerprints) and
 * show what changed when it did not (the differing lines). Object ids are left out where a fresh
 * lab would give the same object another id; all of it is read in one round trip.
 */
import { SCHEMA } from "./schema";
import { syncMessage } from "./wire";
import type { SqlDatabase } from "./session";

/**
 * Catalogues where a statement could create or drop objects, with the column holding the object
 * id: counted, objects created after initdb apart.
 */
const COUNTED_CATALOGUES: readonly (readonly [string, string])[] = [
  ["pg_type", "oid"],
  ["pg_constraint", "oid"],
  ["pg_trigger", "oid"],
  ["pg_event_trigger", "oid"],
  ["pg_rewrite", "oid"],
  ["pg_policy", "oid"],
  ["pg_extension", "oid"],
  ["pg_cast", "oid"],
  ["pg_operator", "oid"],
  ["pg_opclass", "oid"],
  ["pg_language", "oid"],
  ["pg_collation", "oid"],
  ["pg_conversion", "oid"],
  ["pg_ts_config", "oid"],
  ["pg_foreign_data_wrapper", "oid"],
  ["pg_foreign_server", "oid"],
  ["pg_user_mapping", "oid"],
  ["pg_publication", "oid"],
  ["pg_subscription", "oid"],
  ["pg_statistic_ext", "oid"],
  ["pg_default_acl", "oid"],
  ["pg_attrdef", "oid"],
  ["pg_tablespace", "oid"],
  ["pg_aggregate", "aggfnoid"],
  ["pg_sequence", "seqrelid"],
  ["pg_depend", "objid"],
  ["pg_description", "objoid"],
];

/** The first object id initdb leaves to users: anything at or above it was created later. */
const FIRST_USER_OID = 16384;

const LINES = [
  // Every relation (tables, indexes, views, sequences …) with its kind, grants and options, and
  // the columns of any outside the system schemas.
  `SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || c.relpersistence::text
     || coalesce(' acl=' || c.relacl::text, '') || coalesce(' options=' || c.reloptions::text, '')
     || CASE WHEN c.relrowsecurity THEN ' rls' ELSE '' END
     || CASE WHEN n.nspname IN ('pg_catalog', 'information_schema') THEN '' ELSE ' (' || coalesce((
          SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum)
          FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
        || ')' END
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname <> 'pg_toast'`,
  // Functions: each one created later by name, and a checksum over all (a replaced body, a grant).
  `SELECT 'function ' || p.oid::regprocedure::text || ' ' || p.prokind::text
   FROM pg_proc p WHERE p.oid >= ${FIRST_USER_OID}`,
  `SELECT 'functions ' || count(*) || ' ' || md5(string_agg(p.proname || p.prosrc
     || coalesce(p.proacl::text, '') || coalesce(p.proconfig::text, ''), ',' ORDER BY p.oid))
   FROM pg_proc p`,
  `SELECT 'schema ' || nspname || coalesce(' acl=' || nspacl::text, '') FROM pg_namespace`,
  `SELECT 'role ' || rolname || ' ' || row(rolsuper, rolinherit, rolcreaterole, rolcreatedb,
     rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolconfig)::text FROM pg_roles`,
  `SELECT 'database ' || datname || ' ' || row(datallowconn, datconnlimit, datacl)::text
   FROM pg_database`,
  `SELECT 'setting for role/database ' || setrole || '/' || setdatabase || ' ' || setconfig::text
   FROM pg_db_role_setting`,
  ...COUNTED_CATALOGUES.map(
    ([catalogue, id]) =>
      `SELECT '${catalogue} ' || count(*) || ' (' || count(*) FILTER (WHERE ${id} >= ${FIRST_USER_OID})
         || ' created later)' FROM ${catalogue}`,
  ),
  `SELECT 'large objects ' || count(*) FROM pg_largeobject_metadata`,
  `SELECT 'sequence ' || schemaname || '.' || sequencename || ' at ' || coalesce(last_value::text, 'start')
   FROM pg_sequences`,
  `SELECT 'prepared statement ' || name || ': ' || statement FROM pg_prepared_statements`,
  `SELECT 'cursor ' || name FROM pg_cursors WHERE name <> ''`,
  `SELECT 'listening on ' || c FROM pg_listening_channels() c`,
  `SELECT 'advisory lock ' || objid FROM pg_locks WHERE locktype = 'advisory'`,
  // Settings a statement could change: anything not at its built-in default, with its source.
  `SELECT 'setting ' || name || '=' || setting || ' (' || source || ')'
   FROM pg_settings WHERE source <> 'default'`,
  ...SCHEMA.map((t) => `SELECT 'rows ${t.name} ' || count(*) FROM ${t.name}`),
];

/** The fingerprint's lines, sorted; the last says whether a transaction is still open. */
export async function labFingerprint(db: SqlDatabase): Promise<string> {
  // Asked first and apart: the query below would open (and close) a transaction of its own.
  const { messages } = await db.execProtocol(syncMessage(), { throwOnError: false });
  const status = messages.find((m) => m.name === "readyForQuery")?.status ?? "?";
  const sql = `SELECT line FROM (${LINES.map((l) => `(${l})`).join(" UNION ALL ")}) AS f(line) ORDER BY line`;
  const { rows } = await db.query<{ line: string }>(sql);
  return [...rows.map((r) => r.line), `transaction status ${status}`].join("\n");
}
