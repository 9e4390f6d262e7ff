import { createCaptcha } from '@/lib/auth/captcha';
import { db } from '@/lib/db';

// public: the sign-in form asks for a challenge after repeated failures.
export const dynamic = 'force-dynamic';

export async function POST() {
  const captcha = await createCaptcha(db);
  return Response.json(captcha, { headers: { 'Cache-Control': 'no-store' } });
}
