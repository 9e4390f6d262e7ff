// npm run db:new-migration -- <name>: writes prisma/migrations/NNNN_<name>/migration.sql from the
// difference between the newest migration's schema snapshot and prisma/schema.prisma, plus a new snapshot.
// Hand-edit the SQL afterwards for rules Prisma cannot express (triggers, checks, partial indexes).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ensureDatabase, listMigrations, startEmbeddedPostgres } from './lib/pg.mjs';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('用法：npm run db:new-migration -- <name>');
  process.exit(2);
}
const migrations = listMigrations();
const latest = migrations.at(-1);
// Numbers can have gaps (branches that landed in another order): the next one follows the highest.
const next = latest ? Number.parseInt(latest.slice(0, 4), 10) + 1 : 1;
const folder = `${String(next).padStart(4, '0')}_${name}`;
const dir = path.join(ROOT, 'prisma', 'migrations', folder);

// Prisma's diff wants a reachable database even when comparing two schema files.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dj-mig-'));
const server = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), persistent: false });
try {
  const url = await ensureDatabase(server.adminUrl, 'diff');
  mkdirSync(dir, { recursive: true });
  const from = latest ? ['--from-schema-datamodel', path.join('prisma', 'migrations', latest, 'schema.prisma')] : ['--from-empty'];
  const result = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'prisma'),
    ['migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script', '-o', path.join(dir, 'migration.sql')],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
  );
  if (result.status !== 0) throw new Error('prisma migrate diff failed');
  copyFileSync(path.join(ROOT, 'prisma', 'schema.prisma'), path.join(dir, 'schema.prisma'));
  console.log(`已生成 ${path.relative(ROOT, dir)}/migration.sql：\n${readFileSync(path.join(dir, 'migration.sql'), 'utf8').slice(0, 2000)}`);
} finally {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
