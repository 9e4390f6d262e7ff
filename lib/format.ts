import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const TIME_ZONE = 'Asia/Shanghai';

/** 2026年11月22日 — every date shown to users is in Asia/Shanghai. */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '—';
  return format(new TZDate(new Date(date), TIME_ZONE), 'yyyy年M月d日');
}

export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return '—';
  return format(new TZDate(new Date(date), TIME_ZONE), 'yyyy年M月d日 HH:mm');
}

export function formatTime(date: Date | string): string {
  return format(new TZDate(new Date(date), TIME_ZONE), 'HH:mm');
}

/** Value for <input type="datetime-local"> in Asia/Shanghai. */
export function toDateTimeLocal(date: Date | string): string {
  return format(new TZDate(new Date(date), TIME_ZONE), "yyyy-MM-dd'T'HH:mm");
}

/** Parses "2026-11-22T09:30" as Asia/Shanghai wall time. */
export function fromDateTimeLocal(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return new Date(Number.NaN);
  const [, y, m, d, h, min] = match.map(Number);
  return new TZDate(y, m - 1, d, h, min, 0, TIME_ZONE);
}

/** 820 B, 35 KB, 2.4 MB — file sizes as users read them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `?a=1&b=2` from `params`, empty values dropped (links that keep a page's filters); '' when nothing is left. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
