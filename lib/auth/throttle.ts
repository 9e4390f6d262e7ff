// Sign-in throttling rules (pure): thresholds of issue #4, used by sign-in.ts against database counters.
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
