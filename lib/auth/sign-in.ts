import { db, dbNow, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { consumeCaptcha } from '@/lib/auth/captcha';
import { verifyPassword } from '@/lib/auth/password';
import { createSession } from '@/lib/auth/session';
import {
  IP_FAILURES_PER_MINUTE,
  LOCK_AFTER_FAILURES,
  LOCK_DURATION_MS,
  activeFailures,
  needsCaptcha,
  requiredDelayMs,
} from '@/lib/auth/throttle';

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

/**
 * Checks credentials under the throttling rules. The user's row is locked for the attempt, so
 * parallel attempts on one account count exactly. Every attempt is recorded in `login_attempts`.
 */
export async function signInWithPassword(input: TSignInInput, client: TDb = db): Promise<TSignInResult> {
  const identifier = input.identifier.trim();
  return client.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const record = (succeeded: boolean, reason: string | null, userId: string | null) =>
      tx.loginAttempt.create({ data: { identifier: identifier.slice(0, 100), ip: input.ip, succeeded, reason, userId } });

    const ipFailures = await tx.loginAttempt.count({
      where: { ip: input.ip, succeeded: false, createdAt: { gt: new Date(now.getTime() - 60_000) } },
    });
    if (ipFailures >= IP_FAILURES_PER_MINUTE) {
      await record(false, 'IP_LIMIT', null);
      return { ok: false, code: 'IP_LIMIT' };
    }

    const found = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM users WHERE login_name = ${identifier} OR phone = ${identifier} LIMIT 1 FOR UPDATE`;
    if (found.length === 0) {
      await verifyPassword(DUMMY_HASH, input.password);
      await record(false, 'UNKNOWN_USER', null);
      return { ok: false, code: 'INVALID_CREDENTIALS' };
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: found[0].id } });
    if (user.isDisabled) {
      await record(false, 'DISABLED', user.id);
      return { ok: false, code: 'DISABLED' };
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await record(false, 'LOCKED', user.id);
      return { ok: false, code: 'LOCKED', until: user.lockedUntil };
    }
    const failures = activeFailures(user.failedLoginCount, user.lastFailedLoginAt, now);
    if (needsCaptcha(failures)) {
      const readyAt = (user.lastFailedLoginAt?.getTime() ?? 0) + requiredDelayMs(failures, env().AUTH_DELAY_BASE_MS);
      if (readyAt > now.getTime()) {
        await record(false, 'TOO_EARLY', user.id);
        return { ok: false, code: 'TOO_EARLY', waitSeconds: Math.ceil((readyAt - now.getTime()) / 1000) };
      }
      if (!(await consumeCaptcha(tx, input.captchaId, input.captchaAnswer))) {
        await record(false, 'CAPTCHA', user.id);
        return { ok: false, code: 'CAPTCHA_REQUIRED' };
      }
    }

    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const count = failures + 1;
      const lockedUntil = count >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_DURATION_MS) : null;
      await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: lockedUntil ? 0 : count, lastFailedLoginAt: now, lockedUntil },
      });
      await record(false, 'BAD_PASSWORD', user.id);
      if (lockedUntil) return { ok: false, code: 'LOCKED', until: lockedUntil };
      return needsCaptcha(count) ? { ok: false, code: 'CAPTCHA_REQUIRED' } : { ok: false, code: 'INVALID_CREDENTIALS' };
    }

    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null, lastLoginAt: now },
    });
    await record(true, null, user.id);
    const sessionId = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, now });
    return { ok: true, userId: user.id, sessionId };
  });
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
