// One-time SMS codes proving a mobile number, for any purpose (public votes, objections): requested behind a captcha,
// hashed, valid 5 minutes, 5 wrong tries, spent by the first right one. Requests are limited per phone (across all
// purposes) and per IP under advisory locks, so parallel requests cannot slip past a limit.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { consumeCaptcha } from '@/lib/auth/captcha';
import { db, type TTx } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sendSms, type TSmsSender } from '@/lib/sms/sender';

export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_ATTEMPTS = 5;
/** Per phone: one code a minute, 5 an hour, 10 a day; per IP: 20 an hour (a shared office network is allowed some). */
export const SMS_LIMITS = { phoneGapSeconds: 60, phonePerHour: 5, phonePerDay: 10, ipPerHour: 20 };

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}:${authSecret()}`).digest('hex');

export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

type TSendCodeInput = {
  /** What the code is for, e.g. `VOTE:<campaignId>`; a code only verifies for its own purpose. */
  purpose: string;
  phone: string;
  captchaId: string;
  captchaAnswer: string;
  /** The message text around the code. */
  text: (code: string) => string;
};

/** Sends a code to the phone; returns when the next one may be requested. Refusals say why and when to retry. */
export async function sendVerificationCode({ purpose, phone, captchaId, captchaAnswer, text }: TSendCodeInput, ip: string, sender?: TSmsSender) {
  // The captcha is spent by this attempt whatever happens next (its own statement, not rolled back by a refusal).
  if (!(await consumeCaptcha(db, captchaId, captchaAnswer))) {
    throw new AppError('INVALID_INPUT', '图形验证码不正确或已过期，请换一张重新输入', { captchaAnswer: '图形验证码不正确' });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = await db.$transaction(async (tx) => {
    // Phone first, then IP: always the same order, so two requests never wait on each other in a circle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sms:phone:${phone}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sms:ip:${ip}`}))`;
    const [usage] = await tx.$queryRaw<{ lastSeconds: number | null; hour: number; day: number; ipHour: number }[]>`
      SELECT
        (SELECT extract(epoch FROM now() - max(created_at))::int FROM sms_codes WHERE phone = ${phone} AND created_at > now() - interval '1 day') AS "lastSeconds",
        (SELECT count(*)::int FROM sms_codes WHERE phone = ${phone} AND created_at > now() - interval '1 hour') AS hour,
        (SELECT count(*)::int FROM sms_codes WHERE phone = ${phone} AND created_at > now() - interval '1 day') AS day,
        (SELECT count(*)::int FROM sms_codes WHERE ip = ${ip} AND created_at > now() - interval '1 hour') AS "ipHour"`;
    if (usage.lastSeconds !== null && usage.lastSeconds < SMS_LIMITS.phoneGapSeconds) {
      throw new AppError('VOTE_LIMIT', `验证码已发送，请 ${SMS_LIMITS.phoneGapSeconds - usage.lastSeconds} 秒后再获取`);
    }
    if (usage.hour >= SMS_LIMITS.phonePerHour || usage.day >= SMS_LIMITS.phonePerDay) {
      throw new AppError('VOTE_LIMIT', '该手机号获取验证码过于频繁，请稍后再试');
    }
    if (usage.ipHour >= SMS_LIMITS.ipPerHour) throw new AppError('VOTE_LIMIT', '当前网络获取验证码过于频繁，请稍后再试');
    // The id is chosen here so the hash (salted with it) goes in with the row.
    const id = `sc${randomBytes(12).toString('hex')}`;
    return tx.smsCode.create({
      data: { id, purpose, phone, codeHash: hashCode(id, code), ip, expiresAt: new Date(Date.now() + CODE_TTL_MS) },
      select: { id: true },
    });
  });
  if (!(await sendSms({ phone, text: text(code), params: { code } }, sender))) {
    await db.smsCode.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    throw new AppError('CONFLICT', '短信发送失败，请稍后重试');
  }
  return { resendAfterSeconds: SMS_LIMITS.phoneGapSeconds, maskedPhone: maskPhone(phone) };
}

export type TCodeCheck = 'OK' | 'EXPIRED' | 'TOO_MANY' | 'WRONG';

/**
 * Checks the phone's newest unused code of the purpose inside the caller's transaction, locking it: the right code is
 * spent (unless `spend` is false: a check before expensive work, repeated when the work is done), a wrong one counts
 * an attempt. The caller commits before refusing (refuseCodeCheck), so the attempt stays counted.
 */
export async function checkVerificationCode(
  tx: TTx,
  { purpose, phone, code }: { purpose: string; phone: string; code: string },
  { spend = true }: { spend?: boolean } = {},
): Promise<TCodeCheck> {
  const [row] = await tx.$queryRaw<{ id: string; codeHash: string; attempts: number; expired: boolean }[]>`
    SELECT id, code_hash AS "codeHash", attempts, expires_at <= now() AS expired FROM sms_codes
    WHERE purpose = ${purpose} AND phone = ${phone} AND used_at IS NULL
    ORDER BY created_at DESC LIMIT 1 FOR UPDATE`;
  if (!row || row.expired) return 'EXPIRED';
  if (row.attempts >= MAX_ATTEMPTS) return 'TOO_MANY';
  if (row.codeHash !== hashCode(row.id, code)) {
    await tx.smsCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
    return row.attempts + 1 >= MAX_ATTEMPTS ? 'TOO_MANY' : 'WRONG';
  }
  if (spend) await tx.smsCode.update({ where: { id: row.id }, data: { usedAt: new Date() } });
  return 'OK';
}

/** The refusal for a failed check, with the message on the `code` field. */
export function refuseCodeCheck(outcome: Exclude<TCodeCheck, 'OK'>, field = 'code'): never {
  if (outcome === 'EXPIRED') throw new AppError('INVALID_INPUT', '验证码已失效，请重新获取', { [field]: '验证码已失效' });
  if (outcome === 'TOO_MANY') throw new AppError('INVALID_INPUT', '验证码错误次数过多，请重新获取', { [field]: '请重新获取验证码' });
  throw new AppError('INVALID_INPUT', '验证码不正确', { [field]: '验证码不正确' });
}
