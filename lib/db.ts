import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { env, requireDatabaseUrl } from '@/lib/env';
import { log } from '@/lib/log';

export type TDb = PrismaClient;
export type TTx = Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

/**
 * The connection pool under Prisma. The vote hot path sends its one statement straight through it: a raw query via
 * Prisma costs about five times the CPU of the same query on pg, and a burst of votes is CPU-bound (bench/vote.ts).
 */
export function getPool(): pg.Pool {
  if (!globalForPrisma.pool) {
    const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 10 });
    // An idle connection the server ends (a restart, a failover, pg_terminate_backend) is an 'error' event on the pool;
    // unhandled it would stop the process. The pool drops that connection and opens a new one on the next query.
    pool.on('error', (error) => log.warn('数据库空闲连接已断开', { error }));
    globalForPrisma.pool = pool;
  }
  return globalForPrisma.pool;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(getPool()) });
}

/** For scripts and benchmarks that must exit: Prisma does not close a pool it was given. */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  await globalForPrisma.pool?.end();
  globalForPrisma.prisma = undefined;
  globalForPrisma.pool = undefined;
}

/** The shared Prisma client; created on first use so builds need no database. */
export function getDb(): PrismaClient {
  if (!globalForPrisma.prisma) {
    globalForPrisma.prisma = createClient();
  }
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

/** Current database time: stage windows and throttles are judged by it, never by the app server's clock. */
export async function dbNow(tx: TTx | PrismaClient = db): Promise<Date> {
  const rows = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return rows[0].now;
}

export function isProduction(): boolean {
  return env().NODE_ENV === 'production';
}
