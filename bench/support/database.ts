// Every benchmark runs on its own throw-away embedded Postgres, migrated and connected like production (owner and app
// roles), removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, prepareEmbeddedDatabase, startEmbeddedPostgres } from '../../scripts/lib/pg.mjs';

/**
 * Starts the database, points DATABASE_URL at it as the app role (import lib code after this), runs `body`, then cleans
 * up; exits 1 on failure. `ownerUrl`: the owner role's connection, for set-up the app may not do (ANALYZE, DROP INDEX).
 */
export function runOnThrowawayDatabase(body: (database: { url: string; ownerUrl: string }) => Promise<void>): void {
  const run = async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-pg-'));
    const server = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), persistent: false });
    try {
      const { url, migrateUrl, appRole } = await prepareEmbeddedDatabase(server, 'bench');
      await migrate(migrateUrl, { log: () => {}, appRole });
      process.env.DATABASE_URL = url;
      await body({ url, ownerUrl: migrateUrl });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
