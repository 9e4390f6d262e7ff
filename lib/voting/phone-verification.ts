// 公众投票: a mobile number proves itself with a one-time SMS code requested behind a captcha. Codes are hashed,
// expire after 5 minutes, allow 5 wrong tries and are spent by the first right one; requests are limited per phone and
// per IP under an advisory lock, so parallel requests cannot slip past a limit.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { consumeCaptcha } from '@/lib/auth/captcha';
import { db } from '@/lib/db';
import { authSecret, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sendSms, type TSmsSender } from '@/lib/sms/sender';
import { ZRequestCode, ZVerifyCode, type TRequestCodeInput, type TVerifyCodeInput } from '@/lib/voting/phone-schema';
import { VOTER_SESSION_MS } from '@/lib/voting/voter-token';

export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_ATTEMPTS = 5;
/** Per phone: one code a minute, 5 an hour, 10 a day; per IP: 20 an hour (a shared office network is allowed some). */
export const SMS_LIMITS = { phoneGapSeconds: 60, phonePerHour: 5, phonePerDay: 10, ipPerHour: 20 };

const purposeOf = (campaignId: string) => `VOTE:${campaignId}`;
const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}:${authSecret()}`).digest('hex');

export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/** The campaign must take public votes now (by database time). */
async function publicVotingCampaign(campaignId: string) {
  const rows = await db.$queryRaw<{ title: string; open: boolean; endsAt: Date }[]>`
    SELECT c.title, (now() >= s.starts_at AND now() < s.ends_at) AS open, s.ends_at AS "endsAt"
    FROM campaigns c JOIN campaign_stages s ON s.campaign_id = c.id AND s.kind = 'VOTING' AND s.is_enabled
    WHERE c.id = ${campaignId} AND c.status = 'PUBLISHED' AND c.public_voting_enabled`;
  const campaign = rows[0];
  if (!campaign) throw new AppError('FORBIDDEN', '本活动未开放公众投票');
  if (!campaign.open) throw new AppError('STAGE_LOCKED', '当前不在投票时间内');
  return campaign;
}

/** Sends a code to the phone; returns when the next one may be requested. Refusals say why and when to retry. */
export async function requestVoteCode(input: TRequestCodeInput, ip: string, sender?: TSmsSender) {
  const { campaignId, phone, captchaId, captchaAnswer } = ZRequestCode.parse(input);
  const campaign = await publicVotingCampaign(campaignId);
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
      data: { id, purpose: purposeOf(campaignId), phone, codeHash: hashCode(id, code), ip, expiresAt: new Date(Date.now() + CODE_TTL_MS) },
      select: { id: true },
    });
  });
  const text = `【${env().SMS_SIGN_NAME}】您正在参与“${campaign.title}”网络投票，验证码 ${code}，5 分钟内有效。如非本人操作请忽略。`;
  if (!(await sendSms({ phone, text, params: { code } }, sender))) {
    await db.smsCode.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    throw new AppError('CONFLICT', '短信发送失败，请稍后重试');
  }
  return { resendAfterSeconds: SMS_LIMITS.phoneGapSeconds, maskedPhone: maskPhone(phone) };
}

/**
 * Checks the code and returns the phone's voter row of the campaign (created on first use) and how long its session
 * lasts. A wrong code counts an attempt (committed, even though the answer is a refusal).
 */
export async function verifyVoteCode(input: TVerifyCodeInput) {
  const { campaignId, phone, code } = ZVerifyCode.parse(input);
  const campaign = await publicVotingCampaign(campaignId);
  const outcome = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; codeHash: string; attempts: number; expired: boolean }[]>`
      SELECT id, code_hash AS "codeHash", attempts, expires_at <= now() AS expired FROM sms_codes
      WHERE purpose = ${purposeOf(campaignId)} AND phone = ${phone} AND used_at IS NULL
      ORDER BY created_at DESC LIMIT 1 FOR UPDATE`;
    if (!row || row.expired) return 'EXPIRED' as const;
    if (row.attempts >= MAX_ATTEMPTS) return 'TOO_MANY' as const;
    if (row.codeHash !== hashCode(row.id, code)) {
      await tx.smsCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
      return row.attempts + 1 >= MAX_ATTEMPTS ? ('TOO_MANY' as const) : ('WRONG' as const);
    }
    await tx.smsCode.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    await tx.$executeRaw`
      INSERT INTO voters (id, campaign_id, kind, phone) VALUES (${`v${row.id}`}, ${campaignId}, 'PUBLIC', ${phone})
      ON CONFLICT (campaign_id, phone) DO NOTHING`;
    const voter = await tx.voter.findUniqueOrThrow({ where: { campaignId_phone: { campaignId, phone } }, select: { id: true } });
    return voter.id;
  });
  if (outcome === 'EXPIRED') throw new AppError('INVALID_INPUT', '验证码已失效，请重新获取', { code: '验证码已失效' });
  if (outcome === 'TOO_MANY') throw new AppError('INVALID_INPUT', '验证码错误次数过多，请重新获取', { code: '请重新获取验证码' });
  if (outcome === 'WRONG') throw new AppError('INVALID_INPUT', '验证码不正确', { code: '验证码不正确' });
  const expiresAt = new Date(Math.min(Date.now() + VOTER_SESSION_MS, campaign.endsAt.getTime()));
  return { voterId: outcome, expiresAt };
}
