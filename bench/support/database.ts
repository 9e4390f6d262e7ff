// Every benchmark runs on its own throw-away embedded Postgres, migrated like production, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase, migrate, startEmbeddedPostgres } from '../../scripts/lib/pg.mjs';

/** Starts the database, points DATABASE_URL at it (import lib code after this), runs `body`, then cleans up; exits 1 on failure. */
export function runOnThrowawayDatabase(body: (url: string) => Promise<void>): void {
  const run = async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-pg-'));
    const server = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), persistent: false });
    try {
      const url = await ensureDatabase(server.adminUrl, 'bench');
      await migrate(url, { log: () => {} });
      process.env.DATABASE_URL = url;
      await body(url);
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
