// When a month's 台帐 is due, and where each month stands (pure: no database). Months are 'YYYY-MM' in Asia/Shanghai,
// which keeps UTC+8 all year (no daylight saving), so a Shanghai wall time is a fixed offset from UTC.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export type TLedgerMonth = string;
export type TMonthStatus = 'on-time' | 'late' | 'missing' | 'not-due';

export const MONTH_STATUS_LABELS: Record<TMonthStatus, string> = {
  'on-time': '按时上报',
  late: '逾期上报',
  missing: '未上报',
  'not-due': '未到期',
};

/** 2026-02 → 2026年2月. */
export const monthLabel = (month: TLedgerMonth) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

const pad = (value: number) => String(value).padStart(2, '0');

function parseMonth(month: TLedgerMonth): { year: number; monthIndex: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  return { year: Number(match[1]), monthIndex: Number(match[2]) - 1 };
}

/** The Shanghai calendar day of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai month of an instant. */
export function monthOf(instant: Date): TLedgerMonth {
  return shanghaiDay(instant).slice(0, 7);
}

/** The month of a calendar day ('2026-02-25' → '2026-02'). */
export function monthOfDay(day: string): TLedgerMonth {
  return day.slice(0, 7);
}

/** The month as the first day of it, the way a DATE column holds it (UTC midnight). */
export function monthDate(month: TLedgerMonth): Date {
  const { year, monthIndex } = parseMonth(month);
  return new Date(Date.UTC(year, monthIndex, 1));
}

/** A DATE column's value (UTC midnight) back to its month. */
export function monthOfDate(date: Date): TLedgerMonth {
  return date.toISOString().slice(0, 7);
}

export function addMonths(month: TLedgerMonth, count: number): TLedgerMonth {
  const { year, monthIndex } = parseMonth(month);
  const date = new Date(Date.UTC(year, monthIndex + count, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** Midnight at the start of a Shanghai calendar day, as an instant. */
function shanghaiMidnight(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day) - SHANGHAI_OFFSET_MS);
}

/** The end (exclusive) of the month's due day: the report of 2026-02 with due day 25 is on time before 2026-02-26 00:00 +08:00. */
export function ledgerDueAt(month: TLedgerMonth, dueDay: number): Date {
  const { year, monthIndex } = parseMonth(month);
  return shanghaiMidnight(year, monthIndex, dueDay + 1);
}

/** The due day itself, 'YYYY-MM-DD'. */
export function ledgerDueDay(month: TLedgerMonth, dueDay: number): string {
  return `${month}-${pad(dueDay)}`;
}

export function isLateReport(reportedAt: Date, month: TLedgerMonth, dueDay: number): boolean {
  return reportedAt.getTime() >= ledgerDueAt(month, dueDay).getTime();
}

/** One cell of the compliance grid. */
export function monthStatus(input: { month: TLedgerMonth; dueDay: number; now: Date; reportedAt?: Date | null }): TMonthStatus {
  if (input.reportedAt) return isLateReport(input.reportedAt, input.month, input.dueDay) ? 'late' : 'on-time';
  return input.now.getTime() >= ledgerDueAt(input.month, input.dueDay).getTime() ? 'missing' : 'not-due';
}

/** The months a 创建期 spans, first to last (its end is exclusive). */
export function periodMonths(period: { startsAt: Date; endsAt: Date }): TLedgerMonth[] {
  const first = monthOf(period.startsAt);
  const last = monthOf(new Date(period.endsAt.getTime() - 1));
  const months: TLedgerMonth[] = [];
  for (let month = first; month <= last && months.length < 120; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The calendar days (Shanghai) an entry may carry: from the 创建期's first day to its last, and never after today. */
export function entryDayRange(period: { startsAt: Date; endsAt: Date }, now: Date): { first: string; last: string } {
  const lastOfPeriod = shanghaiDay(new Date(period.endsAt.getTime() - 1));
  const today = shanghaiDay(now);
  return { first: shanghaiDay(period.startsAt), last: today < lastOfPeriod ? today : lastOfPeriod };
}

export type TReminderKind = 'before-due' | 'due-day' | 'overdue';

export const REMINDER_LEAD_DAYS = 3;

function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Which reminder an unreported month calls for on the Shanghai day of `now`: 3 days before the due day, on it, and from
 * the morning after on (overdue, until reported — the dedupe key makes it once). Null when none.
 */
export function reminderFor(month: TLedgerMonth, dueDay: number, now: Date): TReminderKind | null {
  const today = shanghaiDay(now);
  const due = ledgerDueDay(month, dueDay);
  if (now.getTime() >= ledgerDueAt(month, dueDay).getTime()) return 'overdue';
  if (today === due) return 'due-day';
  if (today === addDays(due, -REMINDER_LEAD_DAYS)) return 'before-due';
  return null;
}

/** Stable across workers and restarts: one reminder of a kind per cultivation and month. */
export function reminderKey(kind: TReminderKind, cultivationId: string, month: TLedgerMonth): string {
  return `ledger-${kind}:${cultivationId}:${month}`;
}
