// What a dump holds and what a restore is compared by: the tables (and their columns) of the app's schemas, the
// sequences, and a fingerprint of the schema. Shared by both dump formats (database.mjs).
import { JOB_SCHEMA } from '../pg.mjs';

/**
 * The schemas a backup covers: the app's tables and the job queue's (pg-boss, migration 0027). The queue is kept: its
 * rows are work not done yet (reminders, text messages to send) and the cron schedules, which a restored production
 * must carry on; a drill starts its app without a job worker (JOBS_WORKER=0), so nothing in them runs during a drill.
 */
export const BACKUP_SCHEMAS = ['public', JOB_SCHEMA];

const quote = (name) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (table) => `${quote(table.schema)}.${quote(table.name)}`;
export const columnList = (table) => table.columns.map(quote).join(', ');

/**
 * Ordinary tables and partitions (a partitioned parent has no rows of its own; COPY fills its partitions directly),
 * with their stored columns in order (generated columns are computed again on restore).
 */
export async function listTables(client) {
  const { rows } = await client.query(
    `SELECT n.nspname AS schema, c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind = 'r' AND n.nspname = ANY($1)
      GROUP BY n.nspname, c.relname
      ORDER BY n.nspname, c.relname`,
    [BACKUP_SCHEMAS],
  );
  return rows;
}

/** Every sequence with its state, as setval() takes it back. Needs SELECT on the sequences (the owner role has it). */
export async function readSequences(client) {
  const { rows } = await client.query(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname = ANY($1) ORDER BY 1`,
    [BACKUP_SCHEMAS],
  );
  const sequences = [];
  for (const { name } of rows) {
    const { rows: state } = await client.query(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${name}`);
    sequences.push({ name, ...state[0] });
  }
  return sequences;
}

/**
 * One line per column, index, constraint, trigger and function of the backed-up schemas: equal lists mean the restore
 * has the source's schema. NOT NULL constraints are left to the column lines (PostgreSQL 18 also lists them as
 * constraints, with generated names older servers do not have).
 */
export async function schemaFingerprint(client) {
  const { rows } = await client.query(
    `SELECT line FROM (
       SELECT format('column %I.%I.%I %s%s%s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                     CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ' default ' || pg_get_expr(d.adbin, d.adrelid)) AS line
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       UNION ALL
       SELECT format('index %s', pg_get_indexdef(i.indexrelid))
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1)
       UNION ALL
       SELECT format('constraint %I.%I %I %s', n.nspname, c.relname, co.conname, pg_get_constraintdef(co.oid))
         FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND co.contype <> 'n'
       UNION ALL
       SELECT format('trigger %s', pg_get_triggerdef(t.oid))
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND NOT t.tgisinternal
       UNION ALL
       SELECT format('function %s %s', p.oid::regprocedure, md5(p.prosrc))
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1)
     ) lines ORDER BY line COLLATE "C"`,
    [BACKUP_SCHEMAS],
  );
  return rows.map((row) => row.line);
}

/** Row counts of `tables`, read in the caller's transaction (the dump's snapshot, or the restored database). */
export async function countRows(client, tables) {
  const counts = {};
  for (const table of tables) {
    const { rows } = await client.query(`SELECT count(*)::bigint::text AS n FROM ${qualified(table)}`);
    counts[`${table.schema}.${table.name}`] = Number(rows[0].n);
  }
  return counts;
}

/** The newest audit rows (the append-only log a restore must keep whole), compared field by field after the restore. */
export async function newestAuditRows(client, limit = 30) {
  const { rows } = await client.query(
    `SELECT id::text, action, entity_type AS "entityType", entity_id AS "entityId", created_at AS "createdAt" FROM audit_logs ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
