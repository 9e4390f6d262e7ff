import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { changeOwnPassword } from '@/lib/account/service';
import { createCaptcha } from '@/lib/auth/captcha';
import { verifyPassword } from '@/lib/auth/password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createUser, TEST_PASSWORD } from '../support/factories';

let ipCounter = 0;
const freshIp = () => `10.12.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
const NEW_PASSWORD = 'Brand2026new';

async function solvedCaptcha() {
  const captcha = await createCaptcha(db);
  const row = await db.captchaChallenge.findUniqueOrThrow({ where: { id: captcha.id } });
  return { captchaId: captcha.id, captchaAnswer: row.answer };
}

async function skipDelay(userId: string) {
  await db.user.update({ where: { id: userId }, data: { lastFailedLoginAt: new Date(Date.now() - 10 * 60_000) } });
}

/** What the form shows: the refusal's message and the field it is attached to. */
async function change(userId: string, currentPassword: string, ip: string, extra: object = {}) {
  try {
    await changeOwnPassword({ currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...extra }, { actorId: userId, ip });
    return 'changed';
  } catch (error) {
    const { code, fieldErrors } = error as { code: string; fieldErrors?: Record<string, string> };
    return `${code} ${Object.keys(fieldErrors ?? {}).join(',')}`;
  }
}

describe('changing the password is throttled like signing in', () => {
  it('asks for a captcha after 5 wrong current passwords, waits, locks the account after 10 and refuses even the right one', async () => {
    const user = await createUser();
    const ip = freshIp();
    const results: string[] = [];
    for (let i = 1; i <= 5; i++) results.push(await change(user.id, `Wrong${i}abc`, ip));
    results.push(await change(user.id, TEST_PASSWORD, ip, await solvedCaptcha())); // the delay is not over
    await skipDelay(user.id);
    results.push(await change(user.id, TEST_PASSWORD, ip)); // no captcha
    results.push(await change(user.id, TEST_PASSWORD, ip, { captchaId: (await solvedCaptcha()).captchaId, captchaAnswer: 'zzzz' }));
    for (let i = 6; i <= 10; i++) {
      await skipDelay(user.id);
      results.push(await change(user.id, `Wrong${i}abc`, ip, await solvedCaptcha()));
    }
    await skipDelay(user.id);
    results.push(await change(user.id, TEST_PASSWORD, ip, await solvedCaptcha()));

    expect(results).toEqual([
      ...Array(4).fill('INVALID_INPUT currentPassword'),
      'INVALID_INPUT captchaAnswer',
      'INVALID_INPUT captchaAnswer',
      'INVALID_INPUT captchaAnswer',
      'INVALID_INPUT captchaAnswer',
      ...Array(4).fill('INVALID_INPUT captchaAnswer'),
      'INVALID_INPUT currentPassword', // the 10th: locked
      'INVALID_INPUT currentPassword', // locked, the right password included
    ]);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db.loginAttempt.count({ where: { userId: user.id, reason: 'BAD_CURRENT_PASSWORD' } })).toBe(10);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: 'change-password' } })).toBe(0);
    // The account lock holds at sign-in too.
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() })).toMatchObject({ ok: false, code: 'LOCKED' });
  });

  it('counts wrong current passwords towards the IP limit shared with sign-in', async () => {
    const ip = freshIp();
    const users = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    for (const user of users.slice(0, 4)) {
      for (let i = 0; i < 5; i++) await change(user.id, `Wrong${i}abc`, ip);
    }
    expect(await change(users[4].id, TEST_PASSWORD, ip)).toBe('INVALID_INPUT currentPassword');
    expect(await db.loginAttempt.count({ where: { userId: users[4].id, reason: 'IP_LIMIT' } })).toBe(1);
    expect(await signInWithPassword({ identifier: users[4].loginName, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, code: 'IP_LIMIT' });

    // From another network the right password changes it, and the counters start again.
    expect(await change(users[4].id, TEST_PASSWORD, freshIp())).toBe('changed');
    const stored = await db.user.findUniqueOrThrow({ where: { id: users[4].id } });
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(stored).toMatchObject({ failedLoginCount: 0, lockedUntil: null, mustChangePassword: false });
  });
});
