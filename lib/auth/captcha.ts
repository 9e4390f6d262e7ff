import { randomInt } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import { db as defaultDb, type TDb, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';

const TTL_MS = 5 * 60 * 1000;
/**
 * Challenges one address may ask for per window: a shared office network gets room for many people (the SMS limit per
 * address, 20 an hour, is the tighter one), a script gets a 429. Rows are kept for the window, then deleted.
 */
export const CAPTCHA_LIMITS = { perIp: 60, windowMinutes: 10 };

export type TCaptchaKind = 'image' | 'text';
export type TCaptchaChallenge = { id: string; kind: 'image'; svg: string } | { id: string; kind: 'text'; question: string };

export async function createCaptcha(db: TDb | TTx, ip: string | null = null): Promise<{ id: string; kind: 'image'; svg: string }> {
  const captcha = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0o1ilI', color: false, background: '#f5f5f4' });
  const row = await db.captchaChallenge.create({
    data: { answer: captcha.text.toLowerCase(), expiresAt: new Date(Date.now() + TTL_MS), ip },
  });
  return { id: row.id, kind: 'image', svg: captcha.data };
}

const DIGITS = '零一二三四五六七八九';

/** 0–99 in Chinese numerals as read aloud: 七, 十二, 二十, 三十五. */
export function chineseNumeral(value: number): string {
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The reverse for answers typed or dictated in Chinese numerals (十二, 二十三, 两); anything else is returned as is. */
export function fromChineseNumeral(text: string): string {
  const value = text.replace(/两/g, '二');
  if (!/^[零一二三四五六七八九十]{1,3}$/.test(value)) return text;
  const digit = (char: string | undefined) => (char ? DIGITS.indexOf(char) : 0);
  const at = value.indexOf('十');
  if (at < 0) return value.length === 1 ? String(digit(value)) : text;
  if (value.indexOf('十', at + 1) >= 0 || at > 1) return text;
  const tens = at === 0 ? 1 : digit(value[0]);
  return String(tens * 10 + digit(value[at + 1]));
}

/**
 * The non-visual alternative to the image (WCAG 1.1.1): a sum in words, 七加五等于几？ It is read by a screen reader
 * or enlarged like any text; the answer stays on the server and is checked by consumeCaptcha like the image's.
 */
export async function createTextCaptcha(db: TDb | TTx, ip: string | null = null): Promise<{ id: string; kind: 'text'; question: string }> {
  const isSum = randomInt(2) === 0;
  const [a, b] = isSum ? [randomInt(2, 10), randomInt(2, 10)] : [randomInt(11, 20), randomInt(2, 10)];
  const answer = isSum ? a + b : a - b;
  const row = await db.captchaChallenge.create({ data: { answer: String(answer), expiresAt: new Date(Date.now() + TTL_MS), ip } });
  return { id: row.id, kind: 'text', question: `${chineseNumeral(a)}${isSum ? '加' : '减'}${chineseNumeral(b)}等于几？` };
}

/**
 * A challenge for an anonymous caller at `ip`. Challenges that expired before the counting window began are deleted
 * (they can neither be used nor counted any more), then the address's challenges of the window are counted under an
 * advisory lock, so parallel requests cannot slip past the limit. Database time throughout.
 */
export async function issueCaptcha(kind: TCaptchaKind, ip: string): Promise<TCaptchaChallenge> {
  const window = CAPTCHA_LIMITS.windowMinutes;
  // A public form opened by many people at once queues for a connection: waiting is better than failing (maxWait).
  return defaultDb.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM captcha_challenges WHERE expires_at < now() - make_interval(mins => ${window})`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`captcha:ip:${ip}`}))`;
    const [{ recent }] = await tx.$queryRaw<{ recent: number }[]>`
      SELECT count(*)::int AS recent FROM captcha_challenges WHERE ip = ${ip} AND created_at > now() - make_interval(mins => ${window})`;
    if (recent >= CAPTCHA_LIMITS.perIp) throw new AppError('VOTE_LIMIT', '获取验证码过于频繁，请稍后再试');
    return kind === 'text' ? createTextCaptcha(tx, ip) : createCaptcha(tx, ip);
  }, { maxWait: 10_000 });
}

/** What a person typed, as the stored answers are written: half-width, lower case, Chinese numerals as digits. */
export function normaliseCaptchaAnswer(answer: string): string {
  return fromChineseNumeral(answer.normalize('NFKC').replace(/\s+/g, '').toLowerCase());
}

/** Single use: the challenge is spent by any attempt, right or wrong. */
export async function consumeCaptcha(tx: TDb | TTx, id: string | undefined, answer: string | undefined): Promise<boolean> {
  if (!id || !answer) return false;
  const rows = await tx.$queryRaw<{ answer: string }[]>`
    UPDATE captcha_challenges SET used_at = now()
    WHERE id = ${id} AND used_at IS NULL AND expires_at > now()
    RETURNING answer`;
  return rows.length === 1 && rows[0].answer === normaliseCaptchaAnswer(answer);
}
