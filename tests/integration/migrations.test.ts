import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { migrate } from '../../scripts/lib/pg.mjs';
import { ownerUrl, withOwner } from '../support/owner-db';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dj-mig-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeMigration(name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

const tableExists = async (name: string) =>
  (await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass(${name}) IS NOT NULL AS exists`)[0].exists;

describe('migration runner', () => {
  it('applies each migration once and leaves the database unchanged when one fails', async () => {
    const url = ownerUrl();
    writeMigration('9001_good', 'CREATE TABLE mig_test_good (id int);');
    writeMigration('9002_bad', 'CREATE TABLE mig_test_bad (id int);\nSELECT * FROM no_such_table;');

    await expect(migrate(url, { dir, log: () => {} })).rejects.toThrow(/9002_bad 失败，数据库未作任何改动/);
    expect(await tableExists('mig_test_good')).toBe(true);
    expect(await tableExists('mig_test_bad')).toBe(false);
    const recorded = await withOwner((client) => client.query<{ name: string }>(`SELECT name FROM _app_migrations WHERE name LIKE '900%' ORDER BY name`));
    expect(recorded.rows.map((row) => row.name)).toEqual(['9001_good']);

    writeMigration('9002_bad', 'CREATE TABLE mig_test_bad (id int);');
    expect(await migrate(url, { dir, log: () => {} })).toEqual(['9002_bad']);
    expect(await migrate(url, { dir, log: () => {} })).toEqual([]);
    expect(await tableExists('mig_test_bad')).toBe(true);
  });
});
