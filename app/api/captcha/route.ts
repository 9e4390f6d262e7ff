import { createCaptcha, createTextCaptcha } from '@/lib/auth/captcha';
import { db } from '@/lib/db';

// public: the sign-in form asks for a challenge after repeated failures; the public phone forms ask before every SMS.
export const dynamic = 'force-dynamic';

/** `?kind=text`: the challenge as a question in words (for people who cannot see the image); else the image. */
export async function POST(request: Request) {
  const kind = new URL(request.url).searchParams.get('kind');
  const captcha = kind === 'text' ? await createTextCaptcha(db) : await createCaptcha(db);
  return Response.json(captcha, { headers: { 'Cache-Control': 'no-store' } });
}
