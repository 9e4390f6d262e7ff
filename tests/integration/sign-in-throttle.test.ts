import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { createCaptcha } from '@/lib/auth/captcha';
import { signInWithPassword, type TSignInResult } from '@/lib/auth/sign-in';
import { normaliseIdentifier } from '@/lib/auth/throttle';
import { unlockUser } from '@/lib/user/service';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createAdminTree } from '../support/users';

let ipCounter = 0;
const freshIp = () => `10.11.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
let phoneCounter = 0;
const freshPhone = () => `136${String(Date.now() + phoneCounter++).slice(-8)}`;

async function solvedCaptcha() {
  const captcha = await createCaptcha(db);
  const row = await db.captchaChallenge.findUniqueOrThrow({ where: { id: captcha.id } });
  return { captchaId: captcha.id, captchaAnswer: row.answer };
}

async function skipDelay(identifier: string) {
  await db.signInThrottle.updateMany({ where: { identifier: normaliseIdentifier(identifier) }, data: { lastFailedAt: new Date(Date.now() - 10 * 60_000) } });
}

/** Ten wrong passwords and what the identifier answers on the way: what an attacker probing it sees. */
async function probe(identifier: string): Promise<string[]> {
  const codes: string[] = [];
  const attempt = async (extra: object = {}) => {
    const result: TSignInResult = await signInWithPassword({ identifier, password: 'Wrong1234', ip: freshIp(), ...extra });
    codes.push(result.ok ? 'OK' : result.code);
  };
  for (let i = 1; i <= 5; i++) await attempt();
  await attempt(await solvedCaptcha());
  await skipDelay(identifier);
  await attempt();
  for (let i = 6; i <= 10; i++) {
    await skipDelay(identifier);
    await attempt(await solvedCaptcha());
  }
  await attempt(await solvedCaptcha());
  return codes;
}

const EXPECTED = [
  ...Array(4).fill('INVALID_CREDENTIALS'),
  'CAPTCHA_REQUIRED', // 5th failure
  'TOO_EARLY', // the doubling delay
  'CAPTCHA_REQUIRED', // delay over, no captcha given
  ...Array(4).fill('CAPTCHA_REQUIRED'), // failures 6–9
  'LOCKED', // 10th failure
  'LOCKED',
];

describe('sign-in reveals nothing about which accounts exist', () => {
  it('unknown login names and phones meet the same captcha, delay and lock as real, disabled and other-cased ones', async () => {
    const phone = freshPhone();
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { phone } });
    const disabled = await createUser();
    await db.user.update({ where: { id: disabled.id }, data: { isDisabled: true } });
    const unknownName = `nobody-${Date.now().toString(36)}`;
    const unknownPhone = freshPhone();

    const probes = {
      realLogin: await probe(user.loginName),
      realPhone: await probe(phone),
      disabledLogin: await probe(` ${disabled.loginName.toUpperCase()} `),
      unknownLogin: await probe(unknownName),
      unknownPhone: await probe(unknownPhone),
    };
    expect(probes).toEqual({ realLogin: EXPECTED, realPhone: EXPECTED, disabledLogin: EXPECTED, unknownLogin: EXPECTED, unknownPhone: EXPECTED });

    // The counters are kept per identifier, for unknown ones too; the real account is locked as well.
    const rows = await db.signInThrottle.findMany({ where: { identifier: { in: [unknownName, unknownPhone, user.loginName, phone] } } });
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.lockedUntil && row.lockedUntil.getTime() > Date.now() + 14 * 60_000)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('counts parallel wrong attempts on one unknown identifier exactly', async () => {
    const identifier = `ghost-${Date.now().toString(36)}`;
    const results = await Promise.all(Array.from({ length: 4 }, () => signInWithPassword({ identifier, password: 'Wrong1234', ip: freshIp() })));
    expect(results.map((result) => !result.ok && result.code)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect(await db.signInThrottle.findUniqueOrThrow({ where: { identifier } })).toMatchObject({ failedCount: 4, lockedUntil: null });
  });

  it('parallel sign-ins under the login name and the phone, right and wrong, with an admin unlock, never deadlock', async () => {
    const phone = freshPhone();
    const tree = await createAdminTree();
    const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    await db.user.update({ where: { id: user.id }, data: { phone } });
    const attempts = Array.from({ length: 12 }, (_, i) =>
      signInWithPassword({ identifier: i % 2 ? phone : user.loginName, password: i % 3 ? TEST_PASSWORD : 'Wrong1234', ip: freshIp() }),
    );
    const results = await Promise.allSettled([...attempts, unlockUser({ userId: user.id }, { actorId: tree.adminA.id, ip: freshIp() })]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const codes = results.slice(0, 12).map((result) => (result.status === 'fulfilled' && result.value && !result.value.ok ? result.value.code : 'OK'));
    expect(codes.filter((code) => code === 'OK')).toHaveLength(8);
  });

  it('tells “disabled” only to whoever gives the right password', async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { isDisabled: true } });
    expect(await signInWithPassword({ identifier: user.loginName, password: 'Wrong1234', ip: freshIp() })).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: freshIp() })).toMatchObject({ ok: false, code: 'DISABLED' });
  });
});

describe('the per-IP limit', () => {
  it('refuses the 21st attempt within a minute, and its refusals are not counted as failures', async () => {
    const ip = freshIp();
    const user = await createUser();
    for (let i = 0; i < 20; i++) {
      expect(await signInWithPassword({ identifier: `nobody-${ip}-${i}`, password: 'x', ip })).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    }
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, code: 'IP_LIMIT' });
    }
    const reasons = await db.loginAttempt.groupBy({ by: ['reason'], where: { ip }, _count: true });
    expect(Object.fromEntries(reasons.map((row) => [row.reason, row._count]))).toEqual({ UNKNOWN_USER: 20, IP_LIMIT: 5 });
  });

  it('lets the network in again a minute after its 20th failure, however many refusals came since', async () => {
    const ip = freshIp();
    const user = await createUser();
    const now = (await dbNow()).getTime();
    const rows = (count: number, reason: string, ageMs: (i: number) => number) =>
      Array.from({ length: count }, (_, i) => ({ identifier: `nat-${i}`, ip, succeeded: false, reason, createdAt: new Date(now - ageMs(i)) }));
    // 20 wrong passwords 61–62 seconds ago, then 30 refused attempts (the client behind the NAT kept trying).
    await db.loginAttempt.createMany({ data: [...rows(20, 'UNKNOWN_USER', (i) => 61_000 + i * 50), ...rows(30, 'IP_LIMIT', (i) => 59_000 - i * 1_900)] });

    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip })).toMatchObject({ ok: true });

    // Failures inside the minute still count: 20 of them refuse the next attempt.
    const busy = freshIp();
    await db.loginAttempt.createMany({ data: rows(20, 'BAD_PASSWORD', () => 30_000).map((row) => ({ ...row, ip: busy })) });
    expect(await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: busy })).toMatchObject({ ok: false, code: 'IP_LIMIT' });
  });
});
