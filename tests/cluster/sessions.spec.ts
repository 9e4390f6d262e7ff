import { expect, request as requestContext, test } from '@playwright/test';
import { db } from '@/lib/db';
import { CAPTCHA_AFTER_FAILURES, LOCK_AFTER_FAILURES } from '@/lib/auth/throttle';
import { TEST_PASSWORD, createOrg, createUser } from '../support/factories';
import { INSTANCE_A, INSTANCE_B, PUBLIC_URL, freshIp, proxied, signInAt } from './support';

// Sign-in throttling and sessions live in PostgreSQL, not in an instance: they hold whichever instance answers.

const loginNameOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { loginName: true } })).loginName;

test('wrong passwords sent alternately to A and B count together: captcha after 5 and the lock after 10, as on one instance', async ({ request }) => {
  const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: (await createOrg()).id }] });
  const loginName = await loginNameOf(user.id);
  const ip = freshIp();
  const outcomes: (string | null)[] = [];
  for (let attempt = 1; attempt <= LOCK_AFTER_FAILURES; attempt++) {
    const instance = attempt % 2 ? INSTANCE_A : INSTANCE_B;
    // Past the captcha threshold each attempt answers a challenge issued by the other instance (kept in PostgreSQL).
    let captcha = {};
    if (attempt > CAPTCHA_AFTER_FAILURES) {
      const other = instance === INSTANCE_A ? INSTANCE_B : INSTANCE_A;
      const { id } = (await (await request.post(`${other}/api/captcha`, { headers: proxied(ip) })).json()) as { id: string };
      const { answer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id } });
      captcha = { captchaId: id, captchaAnswer: answer };
    }
    outcomes.push((await signInAt(request, instance, loginName, 'Wrong1234', { ip, ...captcha })).error);
  }
  expect(outcomes).toEqual([
    ...Array(CAPTCHA_AFTER_FAILURES - 1).fill('INVALID_CREDENTIALS'),
    ...Array(LOCK_AFTER_FAILURES - CAPTCHA_AFTER_FAILURES).fill('CAPTCHA_REQUIRED'),
    'LOCKED',
  ]);
  // Locked on both: the right password is refused by either instance.
  expect((await signInAt(request, INSTANCE_A, loginName, TEST_PASSWORD, { ip })).error).toBe('LOCKED');
  expect((await signInAt(request, INSTANCE_B, loginName, TEST_PASSWORD, { ip })).error).toBe('LOCKED');
});

test('a session signed in on A works on B, and once revoked on A (sign-out) B refuses it', async () => {
  const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: (await createOrg()).id }] });
  const ip = freshIp();
  const browserless = await requestContext.newContext();
  expect((await signInAt(browserless, INSTANCE_A, await loginNameOf(user.id), TEST_PASSWORD, { ip })).error).toBeNull();
  const account = (instance: string) => browserless.get(`${instance}/account`, { headers: proxied(ip), maxRedirects: 0 });
  expect((await account(INSTANCE_B)).status()).toBe(200);

  // Signing out on A revokes the session's row (user_sessions.revoked_at); the cookie is kept to be replayed on B.
  const stolen = await browserless.storageState();
  const headers = proxied(ip);
  const { csrfToken } = (await (await browserless.get(`${INSTANCE_A}/api/auth/csrf`, { headers })).json()) as { csrfToken: string };
  expect((await browserless.post(`${INSTANCE_A}/api/auth/signout`, { headers, form: { csrfToken, json: 'true' } })).ok()).toBe(true);
  expect(await db.userSession.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(1);

  const replay = await requestContext.newContext({ storageState: stolen });
  const refused = await replay.get(`${INSTANCE_B}/account`, { headers, maxRedirects: 0 });
  expect(refused.status()).toBeGreaterThanOrEqual(300);
  expect(refused.status()).toBeLessThan(400);
  expect(refused.headers().location).toContain('/login');
  await Promise.all([browserless.dispose(), replay.dispose()]);
});

test('through nginx an X-Forwarded-For sent by the client is not trusted: the attempt is recorded under the real address', async ({ request }) => {
  const identifier = `nobody-${Date.now()}`;
  const { csrfToken } = (await (await request.get(`${PUBLIC_URL}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${PUBLIC_URL}/api/auth/callback/credentials`, {
    headers: { Origin: PUBLIC_URL, 'X-Forwarded-For': '198.51.100.7', 'X-Real-IP': '198.51.100.7' },
    form: { redirect: 'false', identifier, password: 'Wrong1234', csrfToken, callbackUrl: '/dashboard', json: 'true' },
  });
  expect(response.status()).toBe(401);
  const attempt = await db.loginAttempt.findFirstOrThrow({ where: { identifier }, select: { ip: true } });
  expect(attempt.ip).toBe('127.0.0.1');
});
