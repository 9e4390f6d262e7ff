// Sign-in and password-change throttling rules (pure): thresholds of issue #4, used by attempts.ts, sign-in.ts and
// lib/account against database counters.
export const CAPTCHA_AFTER_FAILURES = 5;
export const LOCK_AFTER_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_DURATION_MS = 15 * 60 * 1000;
export const IP_FAILURES_PER_MINUTE = 20;

/** Failures that still count: the window restarts when the last failure is older than 15 minutes. */
export function activeFailures(count: number, lastFailedAt: Date | null, now: Date): number {
  if (!lastFailedAt || now.getTime() - lastFailedAt.getTime() > FAILURE_WINDOW_MS) return 0;
  return count;
}

/** Delay before the next attempt: none below 5 failures, then base, 2×base, 4×base … */
export function requiredDelayMs(failures: number, baseMs: number): number {
  if (failures < CAPTCHA_AFTER_FAILURES) return 0;
  return baseMs * 2 ** (failures - CAPTCHA_AFTER_FAILURES);
}

export function needsCaptcha(failures: number): boolean {
  return failures >= CAPTCHA_AFTER_FAILURES;
}

/** A failure counter: an identifier's (sign_in_throttles) or an account's (users). */
export type TThrottleCounter = { failedCount: number; lastFailedAt: Date | null; lockedUntil: Date | null };

export const FRESH_COUNTER: TThrottleCounter = { failedCount: 0, lastFailedAt: null, lockedUntil: null };

/** What an attempt meets before any password is checked: a lock, a delay to wait out, or the way in (with or without a captcha). */
export type TThrottleGate = { kind: 'locked'; until: Date } | { kind: 'wait'; waitSeconds: number } | { kind: 'open'; needsCaptcha: boolean };

export function throttleGate(counter: TThrottleCounter, now: Date, delayBaseMs: number): TThrottleGate {
  if (counter.lockedUntil && counter.lockedUntil > now) return { kind: 'locked', until: counter.lockedUntil };
  const failures = activeFailures(counter.failedCount, counter.lastFailedAt, now);
  if (!needsCaptcha(failures)) return { kind: 'open', needsCaptcha: false };
  const readyAt = (counter.lastFailedAt?.getTime() ?? 0) + requiredDelayMs(failures, delayBaseMs);
  if (readyAt > now.getTime()) return { kind: 'wait', waitSeconds: Math.ceil((readyAt - now.getTime()) / 1000) };
  return { kind: 'open', needsCaptcha: true };
}

/** The counter after one more wrong password: the 10th within the window locks for 15 minutes and starts the count again. */
export function counterAfterFailure(counter: TThrottleCounter, now: Date): TThrottleCounter {
  const count = activeFailures(counter.failedCount, counter.lastFailedAt, now) + 1;
  const isLocked = count >= LOCK_AFTER_FAILURES;
  return { failedCount: isLocked ? 0 : count, lastFailedAt: now, lockedUntil: isLocked ? new Date(now.getTime() + LOCK_DURATION_MS) : null };
}

/** Login names are stored in lower case and phones in ASCII digits: one counter for every spelling of an identifier. */
export function normaliseIdentifier(identifier: string): string {
  return identifier.normalize('NFKC').trim().toLowerCase().slice(0, 100);
}
