import svgCaptcha from 'svg-captcha';
import type { TDb, TTx } from '@/lib/db';

const TTL_MS = 5 * 60 * 1000;

export async function createCaptcha(db: TDb | TTx): Promise<{ id: string; svg: string }> {
  const captcha = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0o1ilI', color: false, background: '#f5f5f4' });
  const row = await db.captchaChallenge.create({
    data: { answer: captcha.text.toLowerCase(), expiresAt: new Date(Date.now() + TTL_MS) },
  });
  return { id: row.id, svg: captcha.data };
}

/** Single use: the challenge is spent by any attempt, right or wrong. */
export async function consumeCaptcha(tx: TDb | TTx, id: string | undefined, answer: string | undefined): Promise<boolean> {
  if (!id || !answer) return false;
  const rows = await tx.$queryRaw<{ answer: string }[]>`
    UPDATE captcha_challenges SET used_at = now()
    WHERE id = ${id} AND used_at IS NULL AND expires_at > now()
    RETURNING answer`;
  return rows.length === 1 && rows[0].answer === answer.trim().toLowerCase();
}
