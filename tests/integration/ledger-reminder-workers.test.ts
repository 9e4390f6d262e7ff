import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { enqueue } from '@/lib/jobs/enqueue';
import { JOB_SCHEMA } from '@/lib/jobs/queues';
import { startJobWorker, type TJobWorker } from '@/lib/jobs/worker';
import { jobHandlers } from '@/lib/worker/handlers';
import { notifyLedgerReminders } from '@/lib/worker/ledger-reminders';
import { monthDate } from '@/lib/cultivation/ledger-schedule';
import { createCultivationScope } from '../support/cultivations';

// The 台帐 reminders run in the minutely scan (`tick`). Two workers on one database handle a burst of ticks for the
// same instant, then both stop and a new one starts (a restart) and scans again: each secretary gets each reminder
// once, and each overdue SMS is queued once.

const workers: TJobWorker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 40_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ticksSettled = async () => {
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = 'tick' AND state < 'completed'`);
  return n === 0;
};

async function ledgerScope() {
  const scope = await createCultivationScope();
  await db.campaignStage.update({
    where: { campaignId_kind: { campaignId: scope.campaign.id, kind: 'CULTIVATION' } },
    data: { startsAt: new Date('2026-01-01T00:00:00+08:00'), endsAt: new Date('2027-01-01T00:00:00+08:00') },
  });
  await db.campaign.update({ where: { id: scope.campaign.id }, data: { reminderSms: true } });
  const stamp = String(Date.now()).slice(-7);
  await db.user.update({ where: { id: scope.secretary.id }, data: { phone: `1380${stamp}` } });
  await db.user.update({ where: { id: scope.westSecretary.id }, data: { phone: `1390${stamp}` } });
  // The west brand reported January on time: only its February is overdue.
  await db.ledgerReport.create({
    data: { cultivationId: scope.westCultivation.id, month: monthDate('2026-01'), dueAt: new Date('2026-01-26T00:00:00+08:00'), reportedAt: new Date('2026-01-20T10:00:00+08:00'), isLate: false, entryCount: 1 },
  });
  return scope;
}

async function noticesOf(userId: string) {
  return db.notification.findMany({ where: { recipientId: userId, kind: { in: ['LEDGER_DUE', 'LEDGER_OVERDUE'] } }, select: { kind: true, dedupeKey: true, link: true }, orderBy: { dedupeKey: 'asc' } });
}

describe('台帐 reminders on two workers', () => {
  it('sends each reminder once with two workers ticking for the same instant and again after a restart', async () => {
    const scope = await ledgerScope();
    const at = new Date('2026-02-26T09:00:00+08:00');
    const handlers = { ...jobHandlers(), tick: () => notifyLedgerReminders(at) };
    const start = async () => {
      const worker = await startJobWorker(handlers, { pollingIntervalSeconds: 0.5, batchSize: 5, cron: false });
      workers.push(worker);
      return worker;
    };
    const tick = async (count: number) => {
      await db.$transaction(async (tx) => {
        for (let i = 0; i < count; i++) await enqueue(tx, 'tick', {});
      });
      await waitFor(ticksSettled);
    };

    const [first, second] = await Promise.all([start(), start()]);
    await tick(8);
    await Promise.all([first.stop(), second.stop()]);
    workers.splice(0, workers.length);
    // Restarted: the same reminders are due, nothing new goes out.
    await start();
    await tick(3);

    const east = await noticesOf(scope.secretary.id);
    expect(east.map((notice) => [notice.kind, notice.dedupeKey])).toEqual([
      ['LEDGER_OVERDUE', `ledger-overdue:${scope.cultivation.id}:2026-01`],
      ['LEDGER_OVERDUE', `ledger-overdue:${scope.cultivation.id}:2026-02`],
    ]);
    expect(east[1].link).toBe(`/cultivation/${scope.cultivation.id}/ledger?month=2026-02`);
    const west = await noticesOf(scope.westSecretary.id);
    expect(west.map((notice) => notice.dedupeKey)).toEqual([`ledger-overdue:${scope.westCultivation.id}:2026-02`]);
    const texts = await db.smsOutbox.findMany({ where: { dedupeKey: { contains: scope.cultivation.id } }, select: { phone: true, text: true } });
    expect(texts).toHaveLength(2);
    expect(texts.every((text) => text.text.includes('已逾期'))).toBe(true);
    expect(await db.smsOutbox.count({ where: { dedupeKey: { contains: scope.westCultivation.id } } })).toBe(1);
  });

  it('waits for the morning: nothing before 08:00 Asia/Shanghai, the due-day reminder from 08:00, parallel scans write it once', async () => {
    const scope = await ledgerScope();
    expect(await notifyLedgerReminders(new Date('2026-03-25T07:59:00+08:00'))).toBe(0);
    expect(await noticesOf(scope.secretary.id)).toEqual([]);
    await Promise.all(Array.from({ length: 6 }, () => notifyLedgerReminders(new Date('2026-03-25T08:00:00+08:00'))));
    const keys = (await noticesOf(scope.secretary.id)).map((notice) => [notice.kind, notice.dedupeKey]);
    expect(keys).toEqual([
      ['LEDGER_DUE', `ledger-due-day:${scope.cultivation.id}:2026-03`],
      ['LEDGER_OVERDUE', `ledger-overdue:${scope.cultivation.id}:2026-01`],
      ['LEDGER_OVERDUE', `ledger-overdue:${scope.cultivation.id}:2026-02`],
    ]);
    // The due-day reminder goes to the inbox only; SMS is for overdue months.
    expect(await db.smsOutbox.count({ where: { dedupeKey: { startsWith: `ledger-due-day:${scope.cultivation.id}` } } })).toBe(0);
  });
});
