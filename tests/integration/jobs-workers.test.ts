import { afterAll, describe, expect, it } from 'vitest';
import { db, type TTx } from '@/lib/db';
import { enqueue } from '@/lib/jobs/enqueue';
import { JOB_SCHEMA } from '@/lib/jobs/queues';
import type { TReminderKind } from '@/lib/jobs/reminder-kinds';
import { runReminder, scheduleOnce, type TReminderHandlers } from '@/lib/jobs/reminders';
import { startJobWorker, type TJobWorker } from '@/lib/jobs/worker';
import { notify } from '@/lib/notifications/service';
import { jobHandlers } from '@/lib/worker/handlers';
import { REMINDER_HANDLERS } from '@/lib/worker/reminder-kinds';
import { createUser } from '../support/factories';

// Two pg-boss workers on one database, a burst of due reminders: each is delivered exactly once (one notification,
// one SMS), with duplicate jobs in the queue, and when a worker dies after delivering but before completing its job.
// The handler writes without dedupe keys on purpose: once-only must come from the reminder's own row.

const TEST_KIND = 'TEST_BURST' as TReminderKind;
let run = 0;

/**
 * The real reminder handlers (other files leave reminders in the queue) plus one that notifies the user in
 * `data.userId` and texts them, tagged with the reminder's key.
 */
const burstHandlers = {
  ...REMINDER_HANDLERS,
  [TEST_KIND]: async (tx: TTx, data: { userId: string }, { key }: { key: string }) => {
    await notify(tx, [data.userId], { kind: 'REVIEW_DUE', title: `提醒 ${key}`, sms: `提醒 ${key}` });
  },
} as unknown as TReminderHandlers;

const workers: TJobWorker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

async function startWorker(handlers = jobHandlers(burstHandlers), onJobError?: () => void) {
  const worker = await startJobWorker(handlers, { pollingIntervalSeconds: 0.5, batchSize: 10, cron: false, onJobError });
  workers.push(worker);
  return worker;
}

async function stopWorker(worker: TJobWorker, graceful = true) {
  workers.splice(workers.indexOf(worker), 1);
  await (graceful ? worker.stop() : worker.boss.stop({ graceful: false }));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 40_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `count` users with phones and a due reminder each (key prefix `prefix`). */
async function scheduleBurst(prefix: string, count: number) {
  const users: { id: string }[] = [];
  for (let i = 0; i < count; i++) {
    const user = await createUser();
    users.push(await db.user.update({ where: { id: user.id }, data: { phone: `139${String(Date.now() % 1e4).padStart(4, '0')}${String(run++).padStart(4, '0')}` } }));
  }
  const past = new Date(Date.now() - 1000);
  await db.$transaction(async (tx) => {
    for (const user of users) await scheduleOnce(tx, { key: `${prefix}:${user.id}`, kind: TEST_KIND, data: { userId: user.id } as never, runAt: past });
  });
  return users;
}

async function deliveries(prefix: string) {
  const notices = await db.notification.groupBy({ by: ['title'], where: { title: { startsWith: `提醒 ${prefix}:` } }, _count: { _all: true } });
  const texts = await db.smsMessage.groupBy({ by: ['body'], where: { body: { startsWith: `提醒 ${prefix}:` } }, _count: { _all: true } });
  return { notices, texts };
}

/** This test's jobs (its reminders', and the SMS they queued) are all completed; other files' leftovers do not count. */
const jobsSettled = (prefix: string) => async () => {
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job j WHERE j.state < 'completed' AND (
      (j.name = 'reminder' AND j.data->>'key' LIKE $1)
      OR (j.name = 'sms' AND EXISTS (SELECT 1 FROM sms_outbox o WHERE o.id = j.data->>'id' AND o.text LIKE $2)))`,
    `${prefix}:%`,
    `提醒 ${prefix}:%`,
  );
  return n === 0;
};

const allDone = (prefix: string) => async () => (await db.scheduledReminder.count({ where: { key: { startsWith: `${prefix}:` }, doneAt: null } })) === 0;
const allSent = (prefix: string, count: number) => async () => (await db.smsMessage.count({ where: { body: { startsWith: `提醒 ${prefix}:` } } })) >= count;

describe('scheduled reminders on two workers', () => {
  it('delivers a burst of due reminders exactly once, with every job queued twice', async () => {
    const prefix = `burst-${Date.now()}`;
    const users = await scheduleBurst(prefix, 30);
    // Every reminder's job a second time, as a duplicate delivery would.
    await db.$transaction(async (tx) => {
      for (const user of users) await enqueue(tx, 'reminder', { key: `${prefix}:${user.id}` });
    });
    // Each worker counts the reminder jobs it handled: both take part.
    const handled = [0, 0];
    const counting = (index: number) => ({ ...jobHandlers(burstHandlers), reminder: async (data: { key: string }) => { handled[index]++; return runReminder(data.key, burstHandlers); } });
    await Promise.all([startWorker(counting(0)), startWorker(counting(1))]);
    await waitFor(allDone(prefix));
    await waitFor(allSent(prefix, users.length));
    // Let the duplicates and any stray SMS job finish before counting.
    await waitFor(jobsSettled(prefix));

    const { notices, texts } = await deliveries(prefix);
    expect(notices).toHaveLength(users.length);
    expect(notices.every((row) => row._count._all === 1)).toBe(true);
    expect(texts).toHaveLength(users.length);
    expect(texts.every((row) => row._count._all === 1)).toBe(true);
    expect(await db.smsOutbox.count({ where: { text: { startsWith: `提醒 ${prefix}:` }, status: { not: 'SENT' } } })).toBe(0);
    expect(handled[0] + handled[1]).toBeGreaterThanOrEqual(users.length * 2);
    expect(Math.min(...handled)).toBeGreaterThan(0);
    await Promise.all([...workers].map((worker) => stopWorker(worker)));
  });

  it('delivers once when a worker dies after delivering but before completing its jobs, and another takes over', async () => {
    const prefix = `crash-${Date.now()}`;
    const users = await scheduleBurst(prefix, 12);
    // This worker delivers each reminder (committed) and then "dies" before telling pg-boss: the job is failed and
    // will be retried. Then the process is gone (stopped without waiting).
    const base = jobHandlers(burstHandlers);
    const dying = await startWorker({
      ...base,
      reminder: async (data) => {
        await runReminder(data.key, burstHandlers);
        throw new Error('simulated crash after the delivery committed');
      },
      sms: async () => {
        throw new Error('simulated crash before sending');
      },
    }, () => {});
    await waitFor(allDone(prefix));
    await stopWorker(dying, false);
    // Time passes: the failed jobs' retry delay is over.
    await db.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE name IN ('reminder', 'sms') AND state = 'retry'`);
    await Promise.all([startWorker(), startWorker()]);
    await waitFor(allSent(prefix, users.length));
    await waitFor(jobsSettled(prefix));

    const { notices, texts } = await deliveries(prefix);
    expect(notices.map((row) => row._count._all)).toEqual(users.map(() => 1));
    expect(texts.map((row) => row._count._all)).toEqual(users.map(() => 1));
  });

  it('schedules a key once: the same key again is a no-op, and a reminder not yet due does not run', async () => {
    const user = await createUser();
    const key = `once-${Date.now()}`;
    const future = new Date(Date.now() + 3_600_000);
    const first = await db.$transaction((tx) => scheduleOnce(tx, { key, kind: TEST_KIND, data: { userId: user.id } as never, runAt: future }));
    const second = await db.$transaction((tx) => scheduleOnce(tx, { key, kind: TEST_KIND, data: { userId: user.id } as never, runAt: new Date() }));
    expect([first, second]).toEqual([true, false]);
    expect(await runReminder(key, burstHandlers)).toBe('skipped');
    expect(await db.notification.count({ where: { recipientId: user.id } })).toBe(0);
  });
});
