// The database half of the drill: a dump from one consistent snapshot, and its restore into a fresh database.
// Two formats. `pg_dump`: pg_dump/pg_restore (custom format) when a pg_dump of the source server's major version is on
// PATH, as on a production host. `copy`: where there is none (the embedded PostgreSQL ships no client tools, and an older
// pg_dump refuses a newer server): the schema is the checked-in migrations (recorded in _app_migrations), the data one
// `COPY … TO STDOUT` file a table, restored by the migrations then `COPY … FROM STDIN` with triggers off and the
// sequences set back to the source's values.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { ExplainedError } from '../explained-error.mjs';
import { listMigrations, migrate } from '../pg.mjs';
import { columnList, countRows, listTables, newestAuditRows, qualified, readSequences, schemaFingerprint } from './schema.mjs';

const { from: copyFrom, to: copyTo } = copyStreams;

/** The major version of a PostgreSQL client tool on PATH, or null when there is none. */
function toolMajor(tool) {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  const match = result.status === 0 && /(\d+)(?:\.\d+)?/.exec(result.stdout);
  return match ? Number(match[1]) : null;
}

/** `pg_dump` when pg_dump and pg_restore of the server's major version are on PATH; DRILL_DUMP_FORMAT forces one. */
export function chooseFormat(serverMajor, forced = '') {
  if (forced === 'copy' || forced === 'pg_dump') return forced;
  return toolMajor('pg_dump') === serverMajor && toolMajor('pg_restore') === serverMajor ? 'pg_dump' : 'copy';
}

/** A client tool's connection: the URL without its password, which goes in PGPASSWORD (not visible in `ps`). */
function toolConnection(url) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password } };
}

function runTool(tool, args, url) {
  const { dbname, env } = toolConnection(url);
  const result = spawnSync(tool, [...args, `--dbname=${dbname}`], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new ExplainedError(`${tool} 失败（退出码 ${result.status}）：${(result.stderr || result.error?.message || '').trim().slice(-2000)}`);
}

/**
 * Dumps the database at `url` into `dir` (database/…, manifest.json). Everything is read in one REPEATABLE READ
 * snapshot, so the row counts recorded are exactly what the dump holds, even while the app writes. `url` must read
 * every table and sequence: the owner role (MIGRATE_DATABASE_URL), not the app role, which may not read all of
 * _app_migrations.
 */
export async function dumpDatabase({ url, dir, format: forced = '' }) {
  const target = path.join(dir, 'database');
  mkdirSync(target, { recursive: true });
  const client = new pg.Client({ connectionString: url, application_name: 'dangjian-drill-dump' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: version } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major, current_setting('server_version') AS version`);
    const format = chooseFormat(version[0].major, forced);
    const tables = await listTables(client);
    const migrations = (await client.query('SELECT name FROM _app_migrations ORDER BY name')).rows.map((row) => row.name);
    const fingerprint = await schemaFingerprint(client);
    const audit = await newestAuditRows(client);
    let counts;
    let sequences = [];
    if (format === 'pg_dump') {
      // pg_dump reads the same snapshot as the counts above.
      const { rows } = await client.query('SELECT pg_export_snapshot() AS id');
      counts = await countRows(client, tables);
      runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0].id}`, `--file=${path.join(target, 'database.dump')}`], url);
    } else {
      counts = {};
      for (const [index, table] of tables.entries()) {
        const stream = client.query(copyTo(`COPY ${qualified(table)} (${columnList(table)}) TO STDOUT`));
        await pipeline(stream, createWriteStream(path.join(target, `${index}.copy`)));
        counts[`${table.schema}.${table.name}`] = Number(stream.rowCount);
        table.file = `${index}.copy`;
      }
      sequences = await readSequences(client);
    }
    await client.query('COMMIT');
    const manifest = { format, serverVersion: version[0].version, takenAt: new Date().toISOString(), migrations, tables, counts, sequences, fingerprint, audit };
    writeFileSync(path.join(target, 'manifest.json'), JSON.stringify(manifest, null, 1));
    return manifest;
  } catch (error) {
    if (error.code === '42501') throw new ExplainedError(`数据库角色无权读取全部数据（${error.message}）：备份请用数据表所有者的连接（MIGRATE_DATABASE_URL）。`);
    throw error;
  } finally {
    await client.end();
  }
}

export function readDatabaseManifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'database', 'manifest.json'), 'utf8'));
}

/**
 * The migrations of the dump must be this checkout's first ones: a dump from a newer version cannot be restored by an
 * older checkout, and one from an older version is restored to its own migration, then migrated like a deployment.
 */
function checkMigrations(manifest) {
  const known = listMigrations();
  const same = manifest.migrations.every((name, index) => known[index] === name);
  if (!same) {
    const unknown = manifest.migrations.filter((name) => !known.includes(name));
    throw new ExplainedError(
      `备份中的迁移记录与本版本的迁移目录不一致${unknown.length ? `（本版本没有：${unknown.join('、')}）` : ''}：请用与备份同一版本（或更新版本）的代码恢复。`,
    );
  }
}

/** `copy` format: migrations up to the dump's, then the data in one transaction as the server's superuser. */
async function restoreCopies(manifest, dir, database) {
  checkMigrations(manifest);
  const through = Number.parseInt(manifest.migrations.at(-1) ?? '0', 10);
  await migrate(database.migrateUrl, { log: () => {}, appRole: database.appRole, through });
  const client = new pg.Client({ connectionString: database.adminUrl, application_name: 'dangjian-drill-restore' });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Triggers (the audit log's refusal of TRUNCATE among them) and foreign keys stay quiet while the copies go in:
    // the rows were consistent in the source's snapshot. Only a superuser may set this, which is why the restore uses
    // the server's admin connection and the app never can.
    await client.query(`SET LOCAL session_replication_role = replica`);
    // The migrations' own rows (the job queue's version and queues, _app_migrations) make way for the source's.
    if (manifest.tables.length) await client.query(`TRUNCATE ${manifest.tables.map(qualified).join(', ')}`);
    for (const table of manifest.tables) {
      const stream = client.query(copyFrom(`COPY ${qualified(table)} (${columnList(table)}) FROM STDIN`));
      await pipeline(createReadStream(path.join(dir, 'database', table.file)), stream);
    }
    for (const sequence of manifest.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [sequence.name, sequence.lastValue, sequence.isCalled]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Restores the dump in `dir` into `database` (a fresh, empty database: { adminUrl, migrateUrl, url, appRole }, as
 * prepareEmbeddedDatabase returns it). The schema objects end up owned by the owner role and the app role gets its
 * grants, as after a deployment's migrations.
 */
export async function restoreDatabase({ dir, database }) {
  const manifest = readDatabaseManifest(dir);
  if (manifest.format === 'pg_dump') {
    // As the owner role: what it creates is its own, like the migrations'; triggers and keys come after the data.
    runTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', path.join(dir, 'database', 'database.dump')], database.migrateUrl);
  } else {
    await restoreCopies(manifest, dir, database);
  }
  return manifest;
}

/** Sequences whose value is below the largest value of their column: the next insert would collide with a restored row. */
async function sequencesBehind(client) {
  const { rows } = await client.query(
    `SELECT format('%I.%I', sn.nspname, s.relname) AS sequence, format('%I.%I', tn.nspname, t.relname) AS "table", quote_ident(a.attname) AS "column"
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_namespace sn ON sn.oid = s.relnamespace
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace tn ON tn.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')`,
  );
  const behind = [];
  for (const row of rows) {
    const { rows: state } = await client.query(
      `SELECT (SELECT max(${row.column})::bigint::text FROM ${row.table}) AS top,
              (SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::text FROM ${row.sequence}) AS at`,
    );
    if (state[0].top !== null && BigInt(state[0].top) > BigInt(state[0].at)) behind.push(row.sequence);
  }
  return behind;
}

/**
 * Compares the restored database with the dump's manifest: schema, row counts, sequences ahead of their columns,
 * the migrations recorded and the newest audit rows. Returns the differences found, in Chinese (none: identical).
 */
export async function compareDatabase(manifest, adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const problems = [];
  try {
    // Compared without parentheses and spaces: servers of different major versions print the same CHECK or index
    // expression with different parentheses (a PostgreSQL 15 source restored into 18).
    const plain = (line) => line.replace(/[()\s]/g, '');
    const restored = await schemaFingerprint(client);
    const [before, after] = [new Set(manifest.fingerprint.map(plain)), new Set(restored.map(plain))];
    const missing = manifest.fingerprint.filter((line) => !after.has(plain(line)));
    const extra = restored.filter((line) => !before.has(plain(line)));
    for (const line of missing.slice(0, 10)) problems.push(`恢复后的数据库缺少结构：${line}`);
    for (const line of extra.slice(0, 10)) problems.push(`恢复后的数据库多出结构：${line}`);
    if (missing.length + extra.length > 20) problems.push(`结构差异共 ${missing.length + extra.length} 处`);
    const counts = await countRows(client, manifest.tables);
    for (const [table, expected] of Object.entries(manifest.counts)) {
      if (counts[table] !== expected) problems.push(`表 ${table} 行数不符：备份 ${expected}，恢复后 ${counts[table]}`);
    }
    const migrations = (await client.query('SELECT name FROM _app_migrations ORDER BY name')).rows.map((row) => row.name);
    if (migrations.join() !== manifest.migrations.join()) problems.push('迁移记录（_app_migrations）与备份不一致');
    const audit = await newestAuditRows(client);
    if (JSON.stringify(audit) !== JSON.stringify(manifest.audit)) problems.push('最新的审计记录与备份不一致');
    const behind = await sequencesBehind(client);
    for (const sequence of behind) problems.push(`序列 ${sequence} 落后于已恢复的数据`);
    return { problems, counts };
  } finally {
    await client.end();
  }
}
