import { describe, expect, it } from 'vitest';
import { CAPTCHA_LIMITS, chineseNumeral, consumeCaptcha, createCaptcha, createTextCaptcha, fromChineseNumeral, issueCaptcha } from '@/lib/auth/captcha';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Works the question out from its words alone, as a person listening to it would. */
function solve(question: string): number {
  const match = /^([零一二三四五六七八九十]+)(加|减)([零一二三四五六七八九十]+)等于几？$/.exec(question);
  if (!match) throw new Error(`unexpected question ${question}`);
  const [a, b] = [Number(fromChineseNumeral(match[1])), Number(fromChineseNumeral(match[3]))];
  return match[2] === '加' ? a + b : a - b;
}

describe('captcha challenges', () => {
  it('asks a question in words whose answer never leaves the server, checked once like the image', async () => {
    const challenge = await createTextCaptcha(db);
    expect(challenge.kind).toBe('text');
    expect(Object.keys(challenge).sort()).toEqual(['id', 'kind', 'question']);
    const answer = solve(challenge.question);
    expect(challenge.question).not.toMatch(/\d/);
    expect((await db.captchaChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).answer).toBe(String(answer));

    expect(await consumeCaptcha(db, challenge.id, String(answer))).toBe(true);
    // Single use: the right answer a second time is refused.
    expect(await consumeCaptcha(db, challenge.id, String(answer))).toBe(false);

    const wrong = await createTextCaptcha(db);
    expect(await consumeCaptcha(db, wrong.id, String(solve(wrong.question) + 1))).toBe(false);
    expect(await consumeCaptcha(db, wrong.id, String(solve(wrong.question)))).toBe(false);
  });

  it('takes the answer in full-width digits or Chinese numerals; the image still works as before', async () => {
    const challenge = await createTextCaptcha(db);
    const answer = solve(challenge.question);
    expect(await consumeCaptcha(db, challenge.id, String(answer).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))))).toBe(true);
    const spoken = await createTextCaptcha(db);
    expect(await consumeCaptcha(db, spoken.id, chineseNumeral(solve(spoken.question)))).toBe(true);

    const image = await createCaptcha(db);
    expect(image.svg).toContain('<svg');
    const { answer: imageAnswer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id: image.id } });
    expect(await consumeCaptcha(db, image.id, imageAnswer.toUpperCase())).toBe(true);
  });
});

describe('captcha challenges for anonymous callers (/api/captcha)', () => {
  const address = () => `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  it('gives one address exactly its limit per window, even asked in parallel; other addresses are not affected', async () => {
    const ip = address();
    const asked = CAPTCHA_LIMITS.perIp + 15;
    const outcomes = await Promise.allSettled(Array.from({ length: asked }, (_, index) => issueCaptcha(index % 2 ? 'text' : 'image', ip)));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(CAPTCHA_LIMITS.perIp);
    expect(refused).toHaveLength(15);
    for (const reason of refused) expect(reason).toEqual(new AppError('VOTE_LIMIT', '获取验证码过于频繁，请稍后再试'));
    expect(await db.captchaChallenge.count({ where: { ip } })).toBe(CAPTCHA_LIMITS.perIp);
    expect((await issueCaptcha('image', address())).kind).toBe('image');

    // Once the window has passed, the address may ask again.
    const window = CAPTCHA_LIMITS.windowMinutes;
    await db.$executeRaw`UPDATE captcha_challenges SET created_at = created_at - make_interval(mins => ${window}), expires_at = expires_at - make_interval(mins => ${window}) WHERE ip = ${ip}`;
    const again = await issueCaptcha('text', ip);
    expect(again.kind).toBe('text');
  });

  it('deletes challenges that expired before the window began, and keeps the ones still counted or usable', async () => {
    const ip = address();
    const window = CAPTCHA_LIMITS.windowMinutes;
    const make = (expiredMinutesAgo: number) =>
      db.captchaChallenge.create({ data: { answer: 'x', ip, expiresAt: new Date(Date.now() - expiredMinutesAgo * 60_000), createdAt: new Date(Date.now() - (expiredMinutesAgo + 5) * 60_000) } });
    const gone = await make(window + 1);
    const counted = await make(1);
    const usable = await createCaptcha(db, ip);
    await issueCaptcha('image', address());
    expect(await db.captchaChallenge.findUnique({ where: { id: gone.id } })).toBeNull();
    expect(await db.captchaChallenge.count({ where: { id: { in: [counted.id, usable.id] } } })).toBe(2);
    expect(await db.captchaChallenge.count({ where: { expiresAt: { lt: new Date(Date.now() - window * 60_000) } } })).toBe(0);
  });
});
