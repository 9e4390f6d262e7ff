import { z } from 'zod';
import { issueCaptcha } from '@/lib/auth/captcha';
import { clientIpFrom } from '@/lib/auth/request-ip';
import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';

// public: the sign-in form asks for a challenge after repeated failures; the public phone forms ask before every SMS.
export const dynamic = 'force-dynamic';

/** `?kind=text`: the challenge as a question in words (for people who cannot see the image); anything else, the image. */
const ZQuery = z.object({ kind: z.string().optional() });

/** A challenge; each address may ask for a limited number (lib/auth/captcha.ts), so anonymous callers cannot fill the table. */
export const POST = route({ access: 'public', query: ZQuery }, async ({ request, query }) => {
  const captcha = await issueCaptcha(query.kind === 'text' ? 'text' : 'image', clientIpFrom(request.headers));
  return jsonReply(200, captcha);
});
