import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { dueLedgerReminders } from '@/lib/cultivation/ledger-reminders';
import { monthDate } from '@/lib/cultivation/ledger-schedule';
import { createCultivationScope } from '../support/cultivations';

async function remindersAt(campaignId: string, at: string) {
  const all = await dueLedgerReminders(db, new Date(at));
  return all.filter((reminder) => reminder.campaignId === campaignId);
}

describe('dueLedgerReminders', () => {
  it('reminds 3 days before the due day, on it, and overdue from the morning after (Asia/Shanghai), with stable keys', async () => {
    const scope = await createCultivationScope();
    await db.campaignStage.update({
      where: { campaignId_kind: { campaignId: scope.campaign.id, kind: 'CULTIVATION' } },
      data: { startsAt: new Date('2026-01-01T00:00:00+08:00'), endsAt: new Date('2027-01-01T00:00:00+08:00') },
    });
    // January reported by both; the west brand has reported February too.
    for (const cultivationId of [scope.cultivation.id, scope.westCultivation.id]) {
      await db.ledgerReport.create({ data: { cultivationId, month: monthDate('2026-01'), dueAt: new Date('2026-01-26T00:00:00+08:00'), reportedAt: new Date('2026-01-20T10:00:00+08:00'), isLate: false, entryCount: 1 } });
    }
    await db.ledgerReport.create({ data: { cultivationId: scope.westCultivation.id, month: monthDate('2026-02'), dueAt: new Date('2026-02-26T00:00:00+08:00'), reportedAt: new Date('2026-02-20T10:00:00+08:00'), isLate: false, entryCount: 1 } });

    expect(await remindersAt(scope.campaign.id, '2026-02-21T23:59:00+08:00')).toEqual([]);
    const before = await remindersAt(scope.campaign.id, '2026-02-22T00:00:00+08:00');
    expect(before.map((reminder) => [reminder.kind, reminder.cultivationId, reminder.month])).toEqual([['before-due', scope.cultivation.id, '2026-02']]);
    expect(before[0].recipients.map((recipient) => recipient.userId)).toEqual([scope.secretary.id]);
    expect(before[0].text).toContain('2026年2月25日');

    const dueDay = await remindersAt(scope.campaign.id, '2026-02-25T23:59:00+08:00');
    expect(dueDay.map((reminder) => reminder.kind)).toEqual(['due-day']);
    const overdue = await remindersAt(scope.campaign.id, '2026-02-26T00:00:00+08:00');
    expect(overdue.map((reminder) => [reminder.kind, reminder.key])).toEqual([['overdue', `ledger-overdue:${scope.cultivation.id}:2026-02`]]);
    expect(overdue[0].sms).toBe(false);
    // The same instant twice gives the same keys (the queue sends each once); SMS when the campaign switches it on.
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { reminderSms: true } });
    const again = await remindersAt(scope.campaign.id, '2026-02-27T09:00:00+08:00');
    expect(again.map((reminder) => reminder.key)).toEqual(overdue.map((reminder) => reminder.key));
    expect(again[0].sms).toBe(true);

    // Across the year end: December's due day is 2026-12-25; after the 创建期 no reminder.
    const december = await remindersAt(scope.campaign.id, '2026-12-22T08:00:00+08:00');
    expect(december.filter((reminder) => reminder.month === '2026-12').map((reminder) => reminder.kind)).toEqual(['before-due', 'before-due']);
    expect(await remindersAt(scope.campaign.id, '2027-01-02T08:00:00+08:00')).toEqual([]);

    // Reported: no more reminders for that month.
    await db.ledgerReport.create({ data: { cultivationId: scope.cultivation.id, month: monthDate('2026-02'), dueAt: new Date('2026-02-26T00:00:00+08:00'), reportedAt: new Date('2026-02-27T10:00:00+08:00'), isLate: true, entryCount: 1 } });
    expect(await remindersAt(scope.campaign.id, '2026-02-27T09:00:00+08:00')).toEqual([]);
  });
});
