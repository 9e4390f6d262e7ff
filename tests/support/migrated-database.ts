import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { dropDatabase, listMigrations, migrate, prepareEmbeddedDatabase, throwawayRoles } from '../../scripts/lib/pg.mjs';

const noLog = () => {};

/**
 * A database of the test file's own, migrated only through migration `through`, for trying a later migration's data
 * backfill on rows of the old shape: `sql` writes them as the owner, `migrateRest()` applies the remaining migrations.
 */
export function databaseMigratedThrough(label: string, through: number) {
  const name = `${label}_${process.pid}_${Date.now()}`;
  let adminUrl: string | undefined;
  let migrateUrl = '';
  let client: pg.Client | undefined;

  beforeAll(async () => {
    adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const database = await prepareEmbeddedDatabase({ adminUrl, roles: throwawayRoles(adminUrl) }, name);
    migrateUrl = database.migrateUrl;
    expect(await migrate(migrateUrl, { log: noLog, through })).toEqual(listMigrations().filter((migration) => Number.parseInt(migration, 10) <= through));
    client = new pg.Client({ connectionString: migrateUrl });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    if (adminUrl) await dropDatabase(adminUrl, name);
  });

  return {
    sql: (text: string, values: unknown[] = []) => client!.query(text, values),
    /** Applies the migrations after the ones already applied (through `until` when given); the names applied. */
    migrateRest: (until?: number): Promise<string[]> => migrate(migrateUrl, { log: noLog, ...(until ? { through: until } : {}) }),
  };
}
