import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { revokeAllSessions, revokeSession, validateSession } from '@/lib/auth/session';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createCaptcha } from '@/lib/auth/captcha';
import { createOrg, createUser, TEST_PASSWORD } from '../support/factories';

let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

/** Pretends the identifier's last failure happened long enough ago that the doubling delay has passed. */
async function skipDelay(identifier: string) {
  await db.signInThrottle.updateMany({ where: { identifier }, data: { lastFailedAt: new Date(Date.now() - 10 * 60_000) } });
}

async function solvedCaptcha() {
  const captcha = await createCaptcha(db);
  const row = await db.captchaChallenge.findUniqueOrThrow({ where: { id: captcha.id } });
  return { captchaId: captcha.id, captchaAnswer: row.answer };
}

describe('sign-in throttling', () => {
  it('asks for a captcha after 5 failures, waits a doubling delay, and locks after 10 — refusing even the right password', async () => {
    const user = await createUser();
    const attempt = (password: string, extra: object = {}) =>
      signInWithPassword({ identifier: user.loginName, password, ip: freshIp(), ...extra });

    for (let i = 1; i <= 4; i++) expect((await attempt('wrong')).ok).toBe(false);
    expect(await attempt('wrong')).toMatchObject({ ok: false, code: 'CAPTCHA_REQUIRED' });

    // Without waiting, even the right password is refused with the remaining delay.
    expect(await attempt(TEST_PASSWORD, await solvedCaptcha())).toMatchObject({ ok: false, code: 'TOO_EARLY' });
    await skipDelay(user.loginName);
    // The delay has passed but a captcha is missing.
    expect(await attempt(TEST_PASSWORD)).toMatchObject({ ok: false, code: 'CAPTCHA_REQUIRED' });

    for (let i = 6; i <= 9; i++) {
      await skipDelay(user.loginName);
      expect(await attempt('wrong', await solvedCaptcha())).toMatchObject({ ok: false, code: 'CAPTCHA_REQUIRED' });
    }
    await skipDelay(user.loginName);
    const tenth = await attempt('wrong', await solvedCaptcha());
    expect(tenth).toMatchObject({ ok: false, code: 'LOCKED' });

    const whileLocked = await attempt(TEST_PASSWORD, await solvedCaptcha());
    expect(whileLocked).toMatchObject({ ok: false, code: 'LOCKED' });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    // An admin unlock (clearing the locks) lets the right password in again.
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await db.signInThrottle.delete({ where: { identifier: user.loginName } });
    expect(await attempt(TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it('never throttles a successful sign-in and resets the failure count', async () => {
    const user = await createUser();
    for (let i = 0; i < 3; i++) await signInWithPassword({ identifier: user.loginName, password: 'nope', ip: freshIp() });
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
  });

  it('refuses an IP after 20 failed attempts within a minute, whatever the account', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      const result = await signInWithPassword({ identifier: `nobody-${i}`, password: 'x', ip });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    }
    const user = await createUser();
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, code: 'IP_LIMIT' });
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it('counts parallel wrong attempts on one account exactly', async () => {
    const user = await createUser();
    await Promise.all(
      Array.from({ length: 4 }, () => signInWithPassword({ identifier: user.loginName, password: 'bad', ip: freshIp() })),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(4);
  });

  it('refuses disabled accounts', async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { isDisabled: true } });
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() })).toMatchObject({ ok: false, code: 'DISABLED' });
  });
});

describe('server-side sessions', () => {
  it('a revoked session (logout) no longer authenticates, even with its cookie', async () => {
    const user = await createUser();
    const result = await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() });
    if (!result.ok) throw new Error('sign-in failed');
    expect((await validateSession(result.sessionId))?.id).toBe(user.id);
    await revokeSession(result.sessionId);
    expect(await validateSession(result.sessionId)).toBeNull();
  });

  it('revoking all sessions or disabling the user ends every session at once', async () => {
    const user = await createUser();
    const sign = () => signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() });
    const [a, b] = [await sign(), await sign()];
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    await revokeAllSessions(user.id);
    expect(await validateSession(a.sessionId)).toBeNull();
    expect(await validateSession(b.sessionId)).toBeNull();

    const c = await sign();
    if (!c.ok) throw new Error('sign-in failed');
    await db.user.update({ where: { id: user.id }, data: { isDisabled: true } });
    expect(await validateSession(c.sessionId)).toBeNull();
  });

  it('ends an admin session after 30 idle minutes but keeps a member’s', async () => {
    const org = await createOrg();
    const admin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: org.id }] });
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: org.id }] });
    const sessions = [];
    for (const user of [admin, member]) {
      const result = await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() });
      if (!result.ok) throw new Error('sign-in failed');
      await db.userSession.update({ where: { id: result.sessionId }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
      sessions.push(result.sessionId);
    }
    expect(await validateSession(sessions[0])).toBeNull();
    expect((await validateSession(sessions[1]))?.id).toBe(member.id);
  });
});
