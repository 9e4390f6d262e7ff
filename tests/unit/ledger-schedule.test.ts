import { describe, expect, it } from 'vitest';
import { operationRefusal, type TLifecycle } from '@/lib/campaign/lifecycle';
import {
  addMonths,
  entryDayRange,
  isLateReport,
  ledgerDueAt,
  monthOf,
  monthStatus,
  periodMonths,
  reminderFor,
  reminderKey,
} from '@/lib/cultivation/ledger-schedule';

describe('ledger due days (Asia/Shanghai)', () => {
  it('is on time until the end of the due day: 2026-02-25 23:59 +08:00 on time, 2026-02-26 00:00 +08:00 late', () => {
    expect(ledgerDueAt('2026-02', 25).toISOString()).toBe('2026-02-25T16:00:00.000Z');
    expect(isLateReport(new Date('2026-02-25T23:59:00+08:00'), '2026-02', 25)).toBe(false);
    expect(isLateReport(new Date('2026-02-26T00:00:00+08:00'), '2026-02', 25)).toBe(true);
    // 16:00 UTC on the 25th is already the 26th in Shanghai.
    expect(monthStatus({ month: '2026-02', dueDay: 25, now: new Date('2026-02-25T15:59:59Z') })).toBe('not-due');
    expect(monthStatus({ month: '2026-02', dueDay: 25, now: new Date('2026-02-25T16:00:00Z') })).toBe('missing');
    expect(monthStatus({ month: '2026-02', dueDay: 25, now: new Date('2026-03-01T00:00:00Z'), reportedAt: new Date('2026-02-20T00:00:00Z') })).toBe('on-time');
  });

  it('crosses month and year ends; the Shanghai month of an instant is not the UTC one', () => {
    expect(ledgerDueAt('2026-02', 28).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(ledgerDueAt('2026-12', 25).toISOString()).toBe('2026-12-25T16:00:00.000Z');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthOf(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02');
    expect(monthOf(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
  });

  it('lists the months of a 创建期 and the days an entry may carry', () => {
    const period = { startsAt: new Date('2026-03-15T00:00:00+08:00'), endsAt: new Date('2026-10-11T00:00:00+08:00') };
    expect(periodMonths(period)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(periodMonths({ startsAt: period.startsAt, endsAt: new Date('2026-10-01T00:00:00+08:00') }).at(-1)).toBe('2026-09');
    expect(entryDayRange(period, new Date('2026-05-01T00:30:00+08:00'))).toEqual({ first: '2026-03-15', last: '2026-05-01' });
    expect(entryDayRange(period, new Date('2026-12-01T00:00:00+08:00'))).toEqual({ first: '2026-03-15', last: '2026-10-10' });
  });

  it('reminds 3 days before, on the due day, and overdue from the next morning', () => {
    expect(reminderFor('2026-02', 25, new Date('2026-02-21T12:00:00+08:00'))).toBeNull();
    expect(reminderFor('2026-02', 25, new Date('2026-02-22T00:00:00+08:00'))).toBe('before-due');
    expect(reminderFor('2026-02', 25, new Date('2026-02-23T00:00:00+08:00'))).toBeNull();
    expect(reminderFor('2026-02', 25, new Date('2026-02-25T23:59:00+08:00'))).toBe('due-day');
    expect(reminderFor('2026-02', 25, new Date('2026-02-26T00:00:00+08:00'))).toBe('overdue');
    // Due day 2: three days before is in the previous month.
    expect(reminderFor('2026-03', 2, new Date('2026-02-27T08:00:00+08:00'))).toBe('before-due');
    expect(reminderKey('overdue', 'c1', '2026-02')).toBe('ledger-overdue:c1:2026-02');
  });
});

describe('创建期 in the state machine', () => {
  const now = new Date('2026-06-01T04:00:00Z');
  const life = (stage: { startsAt: string; endsAt: string } | null, creationEndsAt: Date | null = null, status: TLifecycle['status'] = 'PUBLISHED'): TLifecycle => ({
    status,
    program: 'CREATION',
    now,
    creationEndsAt,
    stages: stage ? [{ kind: 'CULTIVATION', isEnabled: true, startsAt: new Date(stage.startsAt), endsAt: new Date(stage.endsAt) }] : [],
  });
  const running = { startsAt: '2026-03-01T00:00:00+08:00', endsAt: '2026-12-01T00:00:00+08:00' };

  it.each(['write-plan', 'decide-plan', 'keep-ledger'] as const)('%s: allowed from the stage start until the 创建期 ends', (operation) => {
    expect(operationRefusal(operation, life(running))).toBeNull();
    expect(operationRefusal(operation, life({ startsAt: '2026-07-01T00:00:00+08:00', endsAt: running.endsAt }))?.message).toMatch(/^培育创建阶段尚未开始，不能/);
    expect(operationRefusal(operation, life(running, new Date('2026-06-01T04:00:00Z')))?.message).toMatch(/^创建期已于2026年6月1日 12:00结束，不能/);
    expect(operationRefusal(operation, life({ startsAt: '2026-01-01T00:00:00+08:00', endsAt: '2026-05-01T00:00:00+08:00' }))?.message).toMatch(/^创建期已于/);
    expect(operationRefusal(operation, life(null))?.message).toMatch(/^本活动未安排培育创建阶段/);
    expect(operationRefusal(operation, life(running, null, 'FINISHED'))?.message).toMatch(/^活动已结束，不能/);
  });
});
