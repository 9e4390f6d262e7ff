import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { requireDatabaseUrl } from '@/lib/env';
import { log } from '@/lib/log';
import { isDraining } from '@/lib/runtime/shutdown';

// Readiness (/api/ready): may this instance take traffic? Not while draining for shutdown, not when the database does
// not answer within a short timeout, and not before the newest migration of this build is applied (recorded in
// _app_migrations by scripts/lib/pg.mjs, which grants the app role SELECT on its names only). The probe opens its
// own short-lived connection instead of borrowing from the app's pool: a vote burst that fills the pool must not make
// every instance look unready at once (and a probe that hangs must not hold a pool slot).

export type TNotReadyReason = 'draining' | 'database-unreachable' | 'database-timeout' | 'migrations-pending' | 'migrations-unknown';
export type TReadiness = { ok: true } | { ok: false; reason: TNotReadyReason; message: string };

const MESSAGES: Record<TNotReadyReason, string> = {
  draining: '正在停止，不再接收新请求',
  'database-unreachable': '数据库无法连接',
  'database-timeout': '数据库未在规定时间内响应',
  'migrations-pending': '数据库尚未迁移到本版本',
  'migrations-unknown': '找不到本版本的迁移目录',
};

const notReady = (reason: TNotReadyReason): TReadiness => ({ ok: false, reason, message: MESSAGES[reason] });

let newest: string | null | undefined;

/** The newest migration folder of this build (prisma/migrations, traced into the server output by next.config.js). */
export function newestMigration(): string | null {
  if (newest === undefined) {
    try {
      const folders = readdirSync(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true });
      newest = folders.filter((entry) => entry.isDirectory() && /^\d+_/.test(entry.name)).map((entry) => entry.name).sort().at(-1) ?? null;
    } catch {
      newest = null;
    }
  }
  return newest;
}

export type TReadinessOptions = { connectionString?: string; timeoutMs?: number; migration?: string | null };

class ProbeTimeout extends Error {
  constructor() {
    super('就绪检查超时');
  }
}

export async function checkReadiness(options: TReadinessOptions = {}): Promise<TReadiness> {
  if (isDraining()) return notReady('draining');
  const migration = options.migration === undefined ? newestMigration() : options.migration;
  if (!migration) return notReady('migrations-unknown');
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = new pg.Client({
    connectionString: options.connectionString ?? requireDatabaseUrl(),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'dangjian-ready',
  });
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
  });
  try {
    const probe = (async () => {
      await client.connect();
      return client.query<{ applied: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM _app_migrations WHERE name = $1) AS applied',
        [migration],
      );
    })();
    probe.catch(() => {});
    const { rows } = await Promise.race([probe, deadline]);
    return rows[0]?.applied ? { ok: true } : notReady('migrations-pending');
  } catch (error) {
    const timedOut = error instanceof ProbeTimeout || /timeout/i.test(error instanceof Error ? error.message : '');
    const reason = timedOut ? 'database-timeout' : 'database-unreachable';
    log.warn('就绪检查未通过', { reason, error });
    return notReady(reason);
  } finally {
    clearTimeout(timer);
    void client.end().catch(() => {});
  }
}
