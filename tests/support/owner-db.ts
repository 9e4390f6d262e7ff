import pg from 'pg';

/**
 * The owner role's connection (MIGRATE_DATABASE_URL, set by tests/integration/global-setup.ts). The tests and the code
 * under test run as the app role; only set-up the app must not be able to do (migrations, DDL) goes through here.
 */
export function ownerUrl(): string {
  const url = process.env.MIGRATE_DATABASE_URL;
  if (!url) throw new Error('MIGRATE_DATABASE_URL is not set: run the integration tests through vitest (global-setup)');
  return url;
}

export async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
