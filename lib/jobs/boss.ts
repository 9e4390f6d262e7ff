import PgBoss from 'pg-boss';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { TTx } from '@/lib/db';
import { JOB_SCHEMA } from '@/lib/jobs/queues';

/**
 * pg-boss's SQL run on a Prisma client or transaction, so a job is inserted by the business transaction itself
 * (pg-boss 10's `db` option): it exists exactly when the transaction commits, and a rolled-back operation leaves none.
 */
export function prismaDb(client: TTx | PrismaClient): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const rows = await client.$queryRawUnsafe<unknown[]>(text, ...values.map((value) => (value === undefined ? null : value)));
      return { rows };
    },
  };
}

let sender: PgBoss | undefined;

/**
 * A pg-boss instance that is never started: only its send() is used, always with a Prisma `db`, so it opens no pool
 * and runs no maintenance. Workers are separate instances (lib/jobs/worker.ts).
 */
export function jobSender(): PgBoss {
  sender ??= new PgBoss({ schema: JOB_SCHEMA, db: { executeSql: () => Promise.reject(new Error('jobSender: pass { db }')) } });
  return sender;
}
