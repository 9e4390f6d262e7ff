// Resolves the database for a command: DATABASE_URL if set, else the embedded dev PostgreSQL in .data/.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureDatabase, startEmbeddedPostgres } from './pg.mjs';

export const DATA_DIR = path.join(ROOT, '.data');

export async function resolveDatabase({ quiet = true } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, 'pg'), persistent: true, preferredPort: 54329, quiet });
  const url = await ensureDatabase(server.adminUrl, 'dangjian');
  process.env.DATABASE_URL = url;
  return { url, embedded: true, adminUrl: server.adminUrl, stop: server.stop };
}

/** A stable secret for local runs, kept in .data/ (never committed). */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(DATA_DIR, 'auth-secret');
  mkdirSync(DATA_DIR, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, 'utf8').trim();
}
