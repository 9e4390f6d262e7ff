import { describe, expect, it } from 'vitest';
import { activeFailures, needsCaptcha, requiredDelayMs } from '@/lib/auth/throttle';

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
});
