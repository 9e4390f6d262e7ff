import { describe, expect, it } from 'vitest';
import { chineseNumeral, consumeCaptcha, createCaptcha, createTextCaptcha, fromChineseNumeral } from '@/lib/auth/captcha';
import { db } from '@/lib/db';

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
