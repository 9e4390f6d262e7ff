import { expect, test } from '@playwright/test';
import { db } from '@/lib/db';
import { queueSms } from '@/lib/jobs/sms-outbox';

// Two job workers poll one pg-boss queue in PostgreSQL: each job is taken by one of them, once.

test('jobs queued while two workers run are each run exactly once', async () => {
  const phones = Array.from({ length: 20 }, (_, index) => `136${String(Date.now()).slice(-6)}${String(index).padStart(2, '0')}`);
  // Queued as the app queues its messages: in the transaction of the operation (sms_outbox row + `sms` job).
  await db.$transaction(async (tx) => {
    for (const phone of phones) await queueSms(tx, { phone, text: `集群测试短信 ${phone}` });
  });
  await expect
    .poll(async () => db.smsOutbox.count({ where: { phone: { in: phones }, status: 'SENT' } }), { timeout: 20_000, intervals: [250] })
    .toBe(phones.length);
  // One delivered message per job, and no job run a second time.
  const delivered = await db.smsMessage.groupBy({ by: ['phone'], where: { phone: { in: phones } }, _count: { _all: true } });
  expect(delivered.map((row) => row._count._all)).toEqual(phones.map(() => 1));
  const runs = await db.$queryRaw<{ state: string; retry_count: number }[]>`
    SELECT state::text, retry_count FROM pgboss.job WHERE name = 'sms' AND data->>'id' IN (SELECT id FROM sms_outbox WHERE phone = ANY(${phones}))`;
  expect(runs).toHaveLength(phones.length);
  expect(runs.every((run) => run.state === 'completed' && run.retry_count === 0)).toBe(true);
});
