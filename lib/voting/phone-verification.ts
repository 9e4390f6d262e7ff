// 公众投票 and 异议: a mobile number proves itself with a one-time SMS code requested behind a captcha (lib/sms/verification-code.ts:
// hashed codes, 5 minutes, 5 wrong tries, limits per phone and IP under advisory locks). This file adds the voting rules.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import type { TSmsSender } from '@/lib/sms/sender';
import { checkVerificationCode, refuseCodeCheck, sendVerificationCode } from '@/lib/sms/verification-code';
import { ZRequestCode, ZVerifyCode, type TRequestCodeInput, type TVerifyCodeInput } from '@/lib/voting/phone-schema';
import { VOTER_SESSION_MS } from '@/lib/voting/voter-token';

export { CODE_TTL_MS, MAX_ATTEMPTS, SMS_LIMITS, maskPhone } from '@/lib/sms/verification-code';

const purposeOf = (campaignId: string) => `VOTE:${campaignId}`;

/** The campaign must take public votes now: public voting on, and the state machine's 'cast-vote' (database time). */
async function publicVotingCampaign(campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: { title: true, status: true, publicVotingEnabled: true, stages: { where: { kind: 'VOTING' }, select: { endsAt: true } } },
  });
  // A draft is not public: it takes no votes, and says no more than a campaign without public voting.
  if (!campaign?.publicVotingEnabled || campaign.status === 'DRAFT' || !campaign.stages[0]) throw new AppError('FORBIDDEN', '本活动未开放公众投票');
  const refusal = operationRefusal('cast-vote', await db.$transaction((tx) => loadLifecycle(tx, campaignId)));
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return { title: campaign.title, endsAt: campaign.stages[0].endsAt };
}

/** Sends a code to the phone; returns when the next one may be requested. Refusals say why and when to retry. */
export async function requestVoteCode(input: TRequestCodeInput, ip: string, sender?: TSmsSender) {
  const { campaignId, phone, captchaId, captchaAnswer } = ZRequestCode.parse(input);
  const campaign = await publicVotingCampaign(campaignId);
  const text = (code: string) => `【${env().SMS_SIGN_NAME}】您正在参与“${campaign.title}”网络投票，验证码 ${code}，5 分钟内有效。如非本人操作请忽略。`;
  return sendVerificationCode({ purpose: purposeOf(campaignId), phone, captchaId, captchaAnswer, text }, ip, sender);
}

/**
 * Checks the code and returns the phone's voter row of the campaign (created on first use) and how long its session
 * lasts.
 */
export async function verifyVoteCode(input: TVerifyCodeInput) {
  const { campaignId, phone, code } = ZVerifyCode.parse(input);
  const campaign = await publicVotingCampaign(campaignId);
  const outcome = await db.$transaction(async (tx) => {
    const check = await checkVerificationCode(tx, { purpose: purposeOf(campaignId), phone, code });
    // Returned, not thrown: a wrong try stays counted when this transaction commits.
    if (check !== 'OK') return check;
    await tx.$executeRaw`
      INSERT INTO voters (id, campaign_id, kind, phone) VALUES (${`v${randomBytes(12).toString('hex')}`}, ${campaignId}, 'PUBLIC', ${phone})
      ON CONFLICT (campaign_id, phone) DO NOTHING`;
    const voter = await tx.voter.findUniqueOrThrow({ where: { campaignId_phone: { campaignId, phone } }, select: { id: true } });
    return { voterId: voter.id };
  });
  if (typeof outcome === 'string') refuseCodeCheck(outcome);
  const { voterId } = outcome;
  const expiresAt = new Date(Math.min(Date.now() + VOTER_SESSION_MS, campaign.endsAt.getTime()));
  return { voterId, expiresAt };
}
