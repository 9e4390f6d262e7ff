import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCaptcha } from '@/lib/auth/captcha';
import { db } from '@/lib/db';
import { requestVoteCode, SMS_LIMITS, verifyVoteCode } from '@/lib/voting/phone-verification';
import { castVote } from '@/lib/voting/service';
import { rejection } from '../support/errors';
import { createVotingScope } from '../support/voting';

let phoneSeed = 0;
/** A fresh, valid mobile number per call. */
const newPhone = () => `139${String(Date.now() % 1e5).padStart(5, '0')}${String(phoneSeed++ % 1000).padStart(3, '0')}`;
const newIp = () => `10.${(phoneSeed * 7) % 250}.${(phoneSeed * 13) % 250}.${phoneSeed++ % 250}`;

/** A solved captcha (the test reads the answer the server stored). */
async function solved() {
  const { id } = await createCaptcha(db);
  const { answer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id } });
  return { captchaId: id, captchaAnswer: answer };
}

/** The code the development sender recorded for the phone (the newest message). */
async function sentCode(phone: string): Promise<string> {
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone }, orderBy: { id: 'desc' } });
  return /验证码 (\d{6})/.exec(message.body ?? '')![1];
}

async function publicCampaign() {
  const scope = await createVotingScope({ entries: 2, members: 0, perDay: 2 });
  await db.campaign.update({ where: { id: scope.campaign.id }, data: { publicVotingEnabled: true } });
  return scope;
}

describe('public voters: captcha and SMS code', () => {
  it('verifies a phone with the code it was sent, once; the voter then votes', async () => {
    const scope = await publicCampaign();
    const campaignId = scope.campaign.id;
    const phone = newPhone();
    const sent = await requestVoteCode({ campaignId, phone, ...(await solved()) }, newIp());
    expect(sent.maskedPhone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    const message = await db.smsMessage.findFirstOrThrow({ where: { phone } });
    expect(message).toMatchObject({ driver: 'dev', status: 'SENT' });
    expect(message.body).toContain(scope.campaign.title);
    const code = await sentCode(phone);
    // Only a hash is stored.
    const stored = await db.smsCode.findFirstOrThrow({ where: { phone } });
    expect(stored.codeHash).not.toContain(code);

    const { voterId, expiresAt } = await verifyVoteCode({ campaignId, phone, code });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.voter.findUniqueOrThrow({ where: { id: voterId } })).toMatchObject({ kind: 'PUBLIC', phone, campaignId, userId: null });
    // Single use: the same code does not verify again.
    expect((await rejection(verifyVoteCode({ campaignId, phone, code }))).message).toBe('验证码已失效，请重新获取');

    const vote = await castVote({ campaignId, applicationId: scope.entries[0].id, idempotencyKey: randomUUID() }, { voterId });
    expect(vote.receipt).toMatch(/^[2-9A-Z]{10}$/);
    // A second verification of the same phone (a new code) is the same voter.
    await db.$executeRaw`UPDATE sms_codes SET created_at = now() - interval '2 minutes' WHERE phone = ${phone}`;
    await requestVoteCode({ campaignId, phone, ...(await solved()) }, newIp());
    const again = await verifyVoteCode({ campaignId, phone, code: await sentCode(phone) });
    expect(again.voterId).toBe(voterId);
  });

  it('refuses a wrong captcha and spends it; refuses when the campaign takes no public votes', async () => {
    const scope = await publicCampaign();
    const campaignId = scope.campaign.id;
    const captcha = await solved();
    const wrong = await rejection(requestVoteCode({ campaignId, phone: newPhone(), captchaId: captcha.captchaId, captchaAnswer: 'zzzz' }, newIp()));
    expect(wrong.message).toBe('图形验证码不正确或已过期，请换一张重新输入');
    const reused = await rejection(requestVoteCode({ campaignId, phone: newPhone(), ...captcha }, newIp()));
    expect(reused.code).toBe('INVALID_INPUT');
    expect((await rejection(requestVoteCode({ campaignId, phone: '12345', ...(await solved()) }, newIp()))).message).toBe('请输入 11 位手机号码');

    await db.campaign.update({ where: { id: campaignId }, data: { publicVotingEnabled: false } });
    const closed = await rejection(requestVoteCode({ campaignId, phone: newPhone(), ...(await solved()) }, newIp()));
    expect(closed).toMatchObject({ code: 'FORBIDDEN', message: '本活动未开放公众投票' });
    expect(await db.smsMessage.count({ where: { body: { contains: scope.campaign.title } } })).toBe(0);
  });

  it('sends one code when ten requests for one phone arrive at once', async () => {
    const scope = await publicCampaign();
    const phone = newPhone();
    const captchas = await Promise.all(Array.from({ length: 10 }, solved));
    const outcomes = await Promise.allSettled(captchas.map((captcha) => requestVoteCode({ campaignId: scope.campaign.id, phone, ...captcha }, newIp())));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as Error).message] : []));
    expect(refusals).toHaveLength(9);
    expect(refusals.every((message) => /^验证码已发送，请 \d+ 秒后再获取$/.test(message))).toBe(true);
    expect(await db.smsMessage.count({ where: { phone } })).toBe(1);
    expect(await db.smsCode.count({ where: { phone } })).toBe(1);
  });

  it('limits one IP to its hourly number of codes, also when they arrive at once', async () => {
    const scope = await publicCampaign();
    const ip = `172.16.${phoneSeed % 250}.9`;
    const captchas = await Promise.all(Array.from({ length: SMS_LIMITS.ipPerHour + 5 }, solved));
    const outcomes = await Promise.allSettled(captchas.map((captcha) => requestVoteCode({ campaignId: scope.campaign.id, phone: newPhone(), ...captcha }, ip)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(SMS_LIMITS.ipPerHour);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as Error).message] : []));
    expect(new Set(refused)).toEqual(new Set(['当前网络获取验证码过于频繁，请稍后再试']));
    expect(await db.smsCode.count({ where: { ip } })).toBe(SMS_LIMITS.ipPerHour);
  });

  it('limits one phone per hour after the one-minute gap', async () => {
    const scope = await publicCampaign();
    const phone = newPhone();
    for (let index = 0; index < SMS_LIMITS.phonePerHour; index++) {
      await requestVoteCode({ campaignId: scope.campaign.id, phone, ...(await solved()) }, newIp());
      await db.$executeRaw`UPDATE sms_codes SET created_at = created_at - interval '61 seconds' WHERE phone = ${phone}`;
    }
    const refused = await rejection(requestVoteCode({ campaignId: scope.campaign.id, phone, ...(await solved()) }, newIp()));
    expect(refused).toMatchObject({ code: 'VOTE_LIMIT', message: '该手机号获取验证码过于频繁，请稍后再试' });
  });

  it('refuses an expired code, and any code after five wrong tries', async () => {
    const scope = await publicCampaign();
    const campaignId = scope.campaign.id;
    const phone = newPhone();
    await requestVoteCode({ campaignId, phone, ...(await solved()) }, newIp());
    const code = await sentCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let index = 0; index < 4; index++) {
      expect((await rejection(verifyVoteCode({ campaignId, phone, code: wrong }))).message).toBe('验证码不正确');
    }
    expect((await rejection(verifyVoteCode({ campaignId, phone, code: wrong }))).message).toBe('验证码错误次数过多，请重新获取');
    expect((await rejection(verifyVoteCode({ campaignId, phone, code }))).message).toBe('验证码错误次数过多，请重新获取');
    expect(await db.voter.count({ where: { campaignId, phone } })).toBe(0);

    const other = newPhone();
    await requestVoteCode({ campaignId, phone: other, ...(await solved()) }, newIp());
    await db.$executeRaw`UPDATE sms_codes SET expires_at = now() - interval '1 second' WHERE phone = ${other}`;
    expect((await rejection(verifyVoteCode({ campaignId, phone: other, code: await sentCode(other) }))).message).toBe('验证码已失效，请重新获取');
  });

  it('lets the right code through once when it is sent five times at once', async () => {
    const scope = await publicCampaign();
    const campaignId = scope.campaign.id;
    const phone = newPhone();
    await requestVoteCode({ campaignId, phone, ...(await solved()) }, newIp());
    const code = await sentCode(phone);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => verifyVoteCode({ campaignId, phone, code })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await db.voter.count({ where: { campaignId, phone } })).toBe(1);
  });
});
