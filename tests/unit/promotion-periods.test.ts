import { describe, expect, it } from 'vitest';
import { calendarDay, periodAt, previousPeriod, promotionRemindersAt, schedulePeriods } from '@/lib/promotion/periods';

const at = (iso: string) => new Date(iso);

describe('宣传推广 schedule periods (Asia/Shanghai)', () => {
  it('puts an instant in its Shanghai quarter, half and year, across the year end', () => {
    // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Shanghai.
    expect(periodAt('QUARTERLY', at('2026-12-31T16:30:00Z')).key).toBe('2027-Q1');
    expect(periodAt('QUARTERLY', at('2026-12-31T15:59:59Z')).key).toBe('2026-Q4');
    expect(periodAt('HALF_YEARLY', at('2026-06-30T16:00:00Z')).key).toBe('2026-H2');
    expect(periodAt('YEARLY', at('2026-12-31T16:00:00Z'))).toMatchObject({ key: '2027', label: '2027年', startsAt: at('2026-12-31T16:00:00Z'), endsAt: at('2027-12-31T16:00:00Z') });
    const q1 = periodAt('QUARTERLY', at('2027-02-10T00:00:00Z'));
    expect(q1).toMatchObject({ key: '2027-Q1', label: '2027年第一季度', startsAt: at('2026-12-31T16:00:00Z'), endsAt: at('2027-03-31T16:00:00Z') });
    expect(previousPeriod('QUARTERLY', q1).key).toBe('2026-Q4');
    expect(previousPeriod('HALF_YEARLY', periodAt('HALF_YEARLY', at('2027-03-01T00:00:00Z')))).toMatchObject({ key: '2026-H2', label: '2026年下半年' });
  });

  it('lists the periods of a schedule from its start day, clipped to its end day', () => {
    const schedule = { recurrence: 'QUARTERLY' as const, startsOn: calendarDay('2026-05-20'), endsOn: calendarDay('2027-01-15') };
    expect(schedulePeriods(schedule, at('2027-06-01T00:00:00Z')).map((period) => period.key)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(schedulePeriods({ ...schedule, endsOn: null }, at('2026-05-19T17:00:00Z')).map((period) => period.key)).toEqual(['2026-Q2']);
  });

  it('reminds 7 days before a period ends without an event, and once overdue after it', () => {
    const schedule = { recurrence: 'QUARTERLY' as const, startsOn: calendarDay('2026-01-01'), endsOn: null };
    // Q4 2026 ends 2026-12-31 16:00 UTC; 7 days before is 12-24 16:00 UTC.
    expect(promotionRemindersAt('s', schedule, [at('2026-08-01T02:00:00Z')], at('2026-12-24T15:59:00Z'))).toEqual([]);
    const due = promotionRemindersAt('s', schedule, [at('2026-08-01T02:00:00Z')], at('2026-12-24T16:00:00Z'));
    expect(due.map((reminder) => [reminder.kind, reminder.key])).toEqual([['due', 'promotion-due:s:2026-Q4']]);
    // An event held in the quarter (Shanghai time) silences it.
    expect(promotionRemindersAt('s', schedule, [at('2026-08-01T02:00:00Z'), at('2026-12-31T15:00:00Z')], at('2026-12-28T00:00:00Z'))).toEqual([]);
    // After the year end: Q4 held nothing → overdue, keyed by the period; Q1 2027 is not yet due.
    const overdue = promotionRemindersAt('s', schedule, [], at('2027-01-02T01:00:00Z'));
    expect(overdue.map((reminder) => [reminder.kind, reminder.key, reminder.period.label])).toEqual([['overdue', 'promotion-overdue:s:2026-Q4', '2026年第四季度']]);
    // An event on 2027-01-01 00:30 Shanghai belongs to Q1 2027, not Q4 2026.
    expect(promotionRemindersAt('s', schedule, [at('2026-12-31T16:30:00Z')], at('2027-01-02T01:00:00Z')).map((reminder) => reminder.key)).toEqual(['promotion-overdue:s:2026-Q4']);
  });

  it('does not remind before the schedule starts or after it ends', () => {
    const starting = { recurrence: 'HALF_YEARLY' as const, startsOn: calendarDay('2027-01-01'), endsOn: null };
    expect(promotionRemindersAt('s', starting, [], at('2026-12-28T00:00:00Z'))).toEqual([]);
    expect(promotionRemindersAt('s', starting, [], at('2027-01-05T00:00:00Z'))).toEqual([]);
    const ended = { recurrence: 'HALF_YEARLY' as const, startsOn: calendarDay('2025-01-01'), endsOn: calendarDay('2026-06-30') };
    expect(promotionRemindersAt('s', ended, [], at('2026-07-03T00:00:00Z')).map((reminder) => reminder.key)).toEqual(['promotion-overdue:s:2026-H1']);
    // Later it finds the same overdue key (already sent), never a period past the end.
    expect(promotionRemindersAt('s', ended, [], at('2026-12-28T00:00:00Z')).map((reminder) => reminder.key)).toEqual(['promotion-overdue:s:2026-H1']);
    expect(promotionRemindersAt('s', ended, [], at('2027-03-01T00:00:00Z'))).toEqual([]);
  });
});
