// The periods of a recurring 宣传推广 schedule (seed 002: 一季度一次观摩、半年一次示范观摩) and which reminder is due at an
// instant. Pure: calendar quarters, halves and years in Asia/Shanghai, clipped to the schedule's start and end days.

export type TRecurrence = 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';

/** A period: its key (2026-Q1, 2026-H2, 2026), label and instants [startsAt, endsAt). */
export type TPeriod = { key: string; label: string; startsAt: Date; endsAt: Date };

export type TScheduleWindow = {
  recurrence: TRecurrence;
  /** Calendar days (a @db.Date: midnight UTC of the day). */
  startsOn: Date;
  endsOn: Date | null;
};

export type TPromotionReminder = { kind: 'due' | 'overdue'; period: TPeriod; key: string };

/** Days before a period ends when the reminder goes out. */
export const PROMOTION_REMINDER_DAYS = 7;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;
const MONTHS: Record<TRecurrence, number> = { QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };

/** The instant a Shanghai calendar day (year, month 0-based, day) begins. */
const shanghaiMidnight = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day) - SHANGHAI_OFFSET);
/** The instant a stored calendar day begins in Shanghai. */
const dayStart = (day: Date) => shanghaiMidnight(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());

function periodLabel(recurrence: TRecurrence, year: number, index: number): { key: string; label: string } {
  if (recurrence === 'QUARTERLY') return { key: `${year}-Q${index + 1}`, label: `${year}年第${'一二三四'[index]}季度` };
  if (recurrence === 'HALF_YEARLY') return { key: `${year}-H${index + 1}`, label: `${year}年${index === 0 ? '上' : '下'}半年` };
  return { key: `${year}`, label: `${year}年` };
}

/** The calendar period containing `instant`. */
export function periodAt(recurrence: TRecurrence, instant: Date): TPeriod {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET);
  const year = local.getUTCFullYear();
  const size = MONTHS[recurrence];
  const index = Math.floor(local.getUTCMonth() / size);
  return { ...periodLabel(recurrence, year, index), startsAt: shanghaiMidnight(year, index * size), endsAt: shanghaiMidnight(year, (index + 1) * size) };
}

/** The period before `period`. */
export function previousPeriod(recurrence: TRecurrence, period: TPeriod): TPeriod {
  return periodAt(recurrence, new Date(period.startsAt.getTime() - 1));
}

/** Whether the schedule runs during some of the period (its start and end days are inclusive). */
export function isWithinSchedule(schedule: TScheduleWindow, period: TPeriod): boolean {
  const starts = dayStart(schedule.startsOn);
  const ends = schedule.endsOn ? new Date(dayStart(schedule.endsOn).getTime() + DAY) : null;
  return period.endsAt > starts && (!ends || period.startsAt < ends);
}

/** Every period of the schedule from its start up to the one containing `now` (at most `limit`, newest last). */
export function schedulePeriods(schedule: TScheduleWindow, now: Date, limit = 12): TPeriod[] {
  const periods: TPeriod[] = [];
  let period = periodAt(schedule.recurrence, now);
  while (periods.length < limit && period.endsAt > dayStart(schedule.startsOn)) {
    if (isWithinSchedule(schedule, period)) periods.unshift(period);
    period = previousPeriod(schedule.recurrence, period);
  }
  return periods;
}

const heldIn = (period: TPeriod, heldAt: readonly Date[]) => heldAt.some((at) => at >= period.startsAt && at < period.endsAt);

/**
 * What to remind of at `now`, given when the schedule's events were held: 'due' from 7 days before the current period
 * ends while none was held in it; 'overdue' for the last period that ended without one. Keys are stable per schedule
 * and period, so a scan that runs again (or on two workers) finds the same reminders.
 */
export function promotionRemindersAt(scheduleId: string, schedule: TScheduleWindow, heldAt: readonly Date[], now: Date): TPromotionReminder[] {
  const reminders: TPromotionReminder[] = [];
  const current = periodAt(schedule.recurrence, now);
  if (isWithinSchedule(schedule, current) && now >= dayStart(schedule.startsOn) && current.endsAt.getTime() - now.getTime() <= PROMOTION_REMINDER_DAYS * DAY && !heldIn(current, heldAt)) {
    reminders.push({ kind: 'due', period: current, key: `promotion-due:${scheduleId}:${current.key}` });
  }
  const last = previousPeriod(schedule.recurrence, current);
  if (isWithinSchedule(schedule, last) && !heldIn(last, heldAt)) {
    reminders.push({ kind: 'overdue', period: last, key: `promotion-overdue:${scheduleId}:${last.key}` });
  }
  return reminders;
}

/** Shanghai day (YYYY-MM-DD) → the stored calendar day. */
export const calendarDay = (day: string) => new Date(`${day}T00:00:00Z`);
