import { describe, expect, it } from 'vitest';
import { FRESH_COUNTER, activeFailures, counterAfterFailure, needsCaptcha, normaliseIdentifier, requiredDelayMs, throttleGate } from '@/lib/auth/throttle';

describe('sign-in throttling rules', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('counts failures only within 15 minutes of the last one', () => {
    expect(activeFailures(4, new Date(now.getTime() - 14 * 60_000), now)).toBe(4);
    expect(activeFailures(4, new Date(now.getTime() - 16 * 60_000), now)).toBe(0);
    expect(activeFailures(3, null, now)).toBe(0);
  });

  it('asks for a captcha from the fifth failure and doubles the delay after each further one', () => {
    expect(needsCaptcha(4)).toBe(false);
    expect(needsCaptcha(5)).toBe(true);
    expect([4, 5, 6, 7, 8].map((failures) => requiredDelayMs(failures, 1000))).toEqual([0, 1000, 2000, 4000, 8000]);
  });

  it('gates an attempt: open, open with a captcha, a delay to wait out, a lock', () => {
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(throttleGate(FRESH_COUNTER, now, 1000)).toEqual({ kind: 'open', needsCaptcha: false });
    expect(throttleGate({ failedCount: 6, lastFailedAt: ago(500), lockedUntil: null }, now, 1000)).toEqual({ kind: 'wait', waitSeconds: 2 });
    expect(throttleGate({ failedCount: 6, lastFailedAt: ago(2500), lockedUntil: null }, now, 1000)).toEqual({ kind: 'open', needsCaptcha: true });
    const until = new Date(now.getTime() + 60_000);
    expect(throttleGate({ failedCount: 0, lastFailedAt: ago(1000), lockedUntil: until }, now, 1000)).toEqual({ kind: 'locked', until });
  });

  it('locks at the 10th failure within the window and starts the count again', () => {
    const recent = new Date(now.getTime() - 60_000);
    expect(counterAfterFailure({ failedCount: 8, lastFailedAt: recent, lockedUntil: null }, now)).toEqual({ failedCount: 9, lastFailedAt: now, lockedUntil: null });
    expect(counterAfterFailure({ failedCount: 9, lastFailedAt: recent, lockedUntil: null }, now)).toEqual({
      failedCount: 0,
      lastFailedAt: now,
      lockedUntil: new Date(now.getTime() + 15 * 60_000),
    });
    expect(counterAfterFailure({ failedCount: 9, lastFailedAt: new Date(now.getTime() - 16 * 60_000), lockedUntil: null }, now).failedCount).toBe(1);
  });

  it('counts every spelling of an identifier once', () => {
    expect(normaliseIdentifier('  Admin ')).toBe('admin');
    expect(normaliseIdentifier('１３９００００００１１')).toBe('13900000011');
  });
});
