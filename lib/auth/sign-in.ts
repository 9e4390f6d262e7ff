import { db, dbNow, type TDb, type TTx } from '@/lib/db';
import { env } from '@/lib/env';
import {
  clearIdentifierCounters,
  isIpLimited,
  lockAccountCounter,
  lockIdentifierCounter,
  recordAttempt,
  saveAccountCounter,
  saveIdentifierCounter,
} from '@/lib/auth/attempts';
import { consumeCaptcha } from '@/lib/auth/captcha';
import { verifyPassword } from '@/lib/auth/password';
import { createSession } from '@/lib/auth/session';
import { FRESH_COUNTER, counterAfterFailure, needsCaptcha, normaliseIdentifier, throttleGate, type TThrottleCounter } from '@/lib/auth/throttle';

export type TSignInInput = {
  identifier: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
  ip: string;
  userAgent?: string | null;
};

export type TSignInFailure =
  | { code: 'INVALID_CREDENTIALS' }
  | { code: 'DISABLED' }
  | { code: 'LOCKED'; until: Date }
  | { code: 'CAPTCHA_REQUIRED' }
  | { code: 'TOO_EARLY'; waitSeconds: number }
  | { code: 'IP_LIMIT' };

export type TSignInResult = { ok: true; userId: string; sessionId: string } | ({ ok: false } & TSignInFailure);

// A real hash to verify against when the account does not exist, so timing does not reveal accounts.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$clNst3dM2CIfE84OIVdeNA$ra15/zDAQqzWwtDdjqOCubxkWxkYuVwQB1jnAkVrQNQ';

const laterLock = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Checks credentials under the throttling rules. The captcha, the doubling delay and the lock follow a counter per
 * identifier as typed, kept for unknown login names and phones exactly as for real ones, so no answer reveals whether
 * an account exists; what is particular to an account (disabled, locked by failures under another identifier or by
 * password changes) is told only to whoever gave its right password. The identifier's row is locked for the attempt,
 * so parallel attempts count exactly. Every attempt is recorded in `login_attempts`.
 */
export async function signInWithPassword(input: TSignInInput, client: TDb = db): Promise<TSignInResult> {
  const identifier = normaliseIdentifier(input.identifier);
  return client.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const record = (succeeded: boolean, reason: string | null, userId: string | null = null) =>
      recordAttempt(tx, { identifier, ip: input.ip, succeeded, reason, userId });

    if (await isIpLimited(tx, input.ip, now)) {
      await record(false, 'IP_LIMIT');
      return { ok: false, code: 'IP_LIMIT' };
    }

    // The account's row before the identifier's: every path that touches both (sign-in, password change, admin
    // unlock and reset) locks in this order, so parallel attempts under the login name and the phone cannot deadlock.
    const found = await tx.user.findFirst({ where: { OR: [{ loginName: identifier }, { phone: identifier }] }, select: { id: true } });
    const account = found ? await lockAccountCounter(tx, found.id) : null;
    const counter = await lockIdentifierCounter(tx, identifier);
    const gate = throttleGate(counter, now, env().AUTH_DELAY_BASE_MS);
    if (gate.kind === 'locked') {
      await record(false, 'LOCKED');
      return { ok: false, code: 'LOCKED', until: gate.until };
    }
    if (gate.kind === 'wait') {
      await record(false, 'TOO_EARLY');
      return { ok: false, code: 'TOO_EARLY', waitSeconds: gate.waitSeconds };
    }
    if (gate.needsCaptcha && !(await consumeCaptcha(tx, input.captchaId, input.captchaAnswer))) {
      await record(false, 'CAPTCHA');
      return { ok: false, code: 'CAPTCHA_REQUIRED' };
    }

    const user = found && (await tx.user.findUniqueOrThrow({ where: { id: found.id } }));
    const isRightPassword = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);

    if (!user || !account || !isRightPassword) {
      const next = counterAfterFailure(counter, now);
      await saveIdentifierCounter(tx, identifier, next, now);
      if (user && account) await countAccountFailure(tx, user.id, account, next, now);
      await record(false, user ? 'BAD_PASSWORD' : 'UNKNOWN_USER', user?.id ?? null);
      if (next.lockedUntil) return { ok: false, code: 'LOCKED', until: next.lockedUntil };
      return needsCaptcha(next.failedCount) ? { ok: false, code: 'CAPTCHA_REQUIRED' } : { ok: false, code: 'INVALID_CREDENTIALS' };
    }

    if (user.isDisabled) {
      await record(false, 'DISABLED', user.id);
      return { ok: false, code: 'DISABLED' };
    }
    if (account.lockedUntil && account.lockedUntil > now) {
      await record(false, 'LOCKED', user.id);
      return { ok: false, code: 'LOCKED', until: account.lockedUntil };
    }
    await clearIdentifierCounters(tx, [identifier, user.loginName, user.phone]);
    await saveAccountCounter(tx, user.id, FRESH_COUNTER);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await record(true, null, user.id);
    const sessionId = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, now });
    return { ok: true, userId: user.id, sessionId };
  });
}

/** A wrong password for a real account also counts on the account; a lock of the identifier locks the account too. */
async function countAccountFailure(tx: TTx, userId: string, account: TThrottleCounter, identifierCounter: TThrottleCounter, now: Date) {
  const next = counterAfterFailure(account, now);
  await saveAccountCounter(tx, userId, { ...next, lockedUntil: laterLock(next.lockedUntil, identifierCounter.lockedUntil) });
}

/** The message a sign-in failure shows, in Chinese. */
export function signInFailureMessage(failure: TSignInFailure): string {
  switch (failure.code) {
    case 'INVALID_CREDENTIALS':
      return '账号或密码错误';
    case 'DISABLED':
      return '该账号已停用，请联系管理员';
    case 'LOCKED':
      return '连续输错密码次数过多，账号已锁定 15 分钟；如需立即解锁请联系管理员';
    case 'CAPTCHA_REQUIRED':
      return '请输入图中的验证码';
    case 'TOO_EARLY':
      return `尝试过于频繁，请 ${failure.waitSeconds} 秒后再试`;
    case 'IP_LIMIT':
      return '本网络登录失败次数过多，请一分钟后再试';
  }
}
