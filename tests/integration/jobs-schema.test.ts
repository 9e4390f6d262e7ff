import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { enqueue } from '@/lib/jobs/enqueue';
import { JOB_NAMES, JOB_SCHEMA } from '@/lib/jobs/queues';

// pg-boss's schema comes from migration 0023 (as the owner); the app role only uses it.
describe('the job queue schema', () => {
  it("is at the schema version of the installed pg-boss, so a worker with migrate: false starts", async () => {
    const { schema } = (await import('pg-boss/version.json')).default;
    const rows = await db.$queryRawUnsafe<{ version: number }[]>(`SELECT version FROM ${JOB_SCHEMA}.version`);
    expect(rows).toEqual([{ version: schema }]);
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false });
    await boss.start();
    await boss.stop({ graceful: false });
  });

  it('has a queue for every job name, and pg-boss cron its own', async () => {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${JOB_SCHEMA}.queue ORDER BY name`);
    expect(rows.map((row) => row.name).sort()).toEqual([...JOB_NAMES, '__pgboss__send-it'].sort());
  });

  it('gives the app role data rights only: it can neither create a queue nor alter the tables', async () => {
    await expect(db.$executeRawUnsafe(`SELECT ${JOB_SCHEMA}.create_queue('x', '{}')`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`CREATE TABLE ${JOB_SCHEMA}.intruder (id int)`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`ALTER TABLE ${JOB_SCHEMA}.job ADD COLUMN x int`)).rejects.toThrow(/must be owner/);
  });

  it('queues a job inside a business transaction: it exists only if the transaction commits', async () => {
    const kept = await db.$transaction((tx) => enqueue(tx, 'sms', { id: 'kept' }));
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, 'sms', { id: 'rolled-back' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await db.$queryRawUnsafe<{ id: string; data: { id: string } }[]>(`SELECT id::text, data FROM ${JOB_SCHEMA}.job WHERE name = 'sms' AND data->>'id' IN ('kept', 'rolled-back')`);
    expect(rows).toEqual([{ id: kept, data: { id: 'kept' } }]);
    await db.$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE name = 'sms' AND data->>'id' = 'kept'`);
  });
});
