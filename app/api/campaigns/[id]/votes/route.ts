import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/guard';
import { clientIpFrom } from '@/lib/auth/request-ip';
import { jsonReply } from '@/lib/http/response';
import { readJson, route } from '@/lib/http/route';
import { castVote, memberVoter } from '@/lib/voting/service';
import { cookieValue, verifyVoterToken, voterCookieName } from '@/lib/voting/voter-token';

export const dynamic = 'force-dynamic';

const DEVICE_COOKIE = 'dj_device';

/**
 * One vote (a route handler, not a server action: phones in WeChat-like browsers retry, and the benchmark posts here).
 * Public: the voter is a phone verified for this campaign (its signed cookie) or a signed-in member.
 */
export const POST = route({ access: 'public', sameOrigin: true, params: z.object({ id: z.string().max(64) }) }, async ({ request, params }) => {
  const campaignId = params.id;
  const body = await readJson(request);
  const cookieHeader = request.headers.get('cookie');
  // A phone verified for this campaign (公众) votes with its signed cookie; otherwise the member's account.
  let voterId = verifyVoterToken(campaignId, cookieValue(cookieHeader, voterCookieName(campaignId)));
  if (!voterId) {
    const user = await getCurrentUser();
    if (!user) return jsonReply(401, { message: '请先登录或验证手机号后再投票' });
    voterId = await memberVoter(campaignId, user.id);
    if (!voterId) return jsonReply(403, { message: '您不是本次活动范围内的党员，或本活动未开放党员投票' });
  }
  const device = /^[A-Za-z0-9]{16,40}$/.exec(cookieValue(cookieHeader, DEVICE_COOKIE) ?? '')?.[0];
  const deviceId = device ?? randomBytes(12).toString('hex');
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const result = await castVote(
    { campaignId, applicationId: String(input.applicationId ?? ''), idempotencyKey: String(input.idempotencyKey ?? '') },
    { voterId, ip: clientIpFrom(request.headers), userAgent: request.headers.get('user-agent'), deviceId },
  );
  // X-Forwarded-Proto comes only from a trusted proxy (proxy.ts sets it to http otherwise); over HTTPS the cookie is Secure.
  const secure = request.headers.get('x-forwarded-proto') === 'https' ? '; Secure' : '';
  const cookie: Record<string, string> = device ? {} : { 'Set-Cookie': `${DEVICE_COOKIE}=${deviceId}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}` };
  return jsonReply(200, result, cookie);
});
