import { db, dbNow, type TTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import {
  clearIdentifierCounters,
  isIpLimited,
  lockAccountCounter,
  recordAttempt,
  saveAccountCounter,
} from '@/lib/auth/attempts';
import { consumeCaptcha } from '@/lib/auth/captcha';
import { ZNewPassword, hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeAllSessions } from '@/lib/auth/session';
import { FRESH_COUNTER, counterAfterFailure, needsCaptcha, throttleGate } from '@/lib/auth/throttle';
import { ZChangePassword, type TChangePassword } from '@/lib/account/schema';

const CAPTCHA_MESSAGE = '当前密码已连续输错多次，请输入图中的验证码后重试';
const LOCKED_MESSAGE = '当前密码连续输错次数过多，账号已锁定 15 分钟；如需立即解锁请联系管理员';

const refusal = (message: string, field: 'currentPassword' | 'captchaAnswer' = 'currentPassword') =>
  new AppError('INVALID_INPUT', message, field === 'captchaAnswer' ? { captchaAnswer: message } : { currentPassword: message });

/**
 * Changes the user's own password and ends every session of theirs, this one included. The current password is
 * throttled like a sign-in (it is as good an oracle): the account's failure counter asks for a captcha after 5 wrong
 * passwords, then a doubling delay, and locks the account after 10; wrong passwords count towards the IP limit too.
 * The failure is committed before the refusal is thrown.
 */
export async function changeOwnPassword(input: TChangePassword, context: TAuditContext & { actorId: string }): Promise<void> {
  const values = ZChangePassword.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: context.actorId }, select: { id: true, loginName: true, phone: true } });
  const rule = ZNewPassword(user.loginName).safeParse(values.newPassword);
  if (!rule.success) {
    const message = rule.error.issues[0]?.message ?? '新密码不符合要求';
    throw new AppError('INVALID_INPUT', message, { newPassword: message });
  }
  const passwordHash = await hashPassword(values.newPassword);
  const failure = await db.$transaction(async (tx): Promise<AppError | null> => {
    const now = await dbNow(tx);
    const ip = context.ip ?? 'unknown';
    const record = (reason: string) => recordAttempt(tx, { identifier: user.loginName, ip, succeeded: false, reason, userId: user.id });

    if (await isIpLimited(tx, ip, now)) {
      await record('IP_LIMIT');
      return refusal('本网络密码输错次数过多，请一分钟后再试');
    }
    const counter = await lockAccountCounter(tx, user.id);
    if (!counter) throw new AppError('UNAUTHENTICATED', '请先登录');
    const gate = throttleGate(counter, now, env().AUTH_DELAY_BASE_MS);
    if (gate.kind === 'locked') {
      await record('LOCKED');
      return refusal(LOCKED_MESSAGE);
    }
    if (gate.kind === 'wait') {
      await record('TOO_EARLY');
      return refusal(`尝试过于频繁，请 ${gate.waitSeconds} 秒后再试`, 'captchaAnswer');
    }
    if (gate.needsCaptcha && !(await consumeCaptcha(tx, values.captchaId, values.captchaAnswer))) {
      await record('CAPTCHA');
      return refusal(CAPTCHA_MESSAGE, 'captchaAnswer');
    }

    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(current.passwordHash, values.currentPassword))) {
      const next = counterAfterFailure(counter, now);
      await saveAccountCounter(tx, user.id, next);
      await record('BAD_CURRENT_PASSWORD');
      if (next.lockedUntil) return refusal(LOCKED_MESSAGE);
      return needsCaptcha(next.failedCount) ? refusal(CAPTCHA_MESSAGE, 'captchaAnswer') : refusal('当前密码不正确');
    }
    await savePassword(tx, user, passwordHash, now, context);
    return null;
  });
  if (failure) throw failure;
}

async function savePassword(tx: TTx, user: { id: string; loginName: string; phone: string | null }, passwordHash: string, now: Date, context: TAuditContext) {
  await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now } });
  await saveAccountCounter(tx, user.id, FRESH_COUNTER);
  await clearIdentifierCounters(tx, [user.loginName, user.phone]);
  await revokeAllSessions(user.id, tx);
  await recordAudit(tx, context, { action: 'change-password', entityType: 'User', entityId: user.id });
}
