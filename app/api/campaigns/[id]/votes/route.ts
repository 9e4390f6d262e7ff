import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import { getCurrentUser } from '@/lib/auth/guard';
import { clientIpFrom } from '@/lib/auth/request-ip';
import { AppError } from '@/lib/errors';
import { isSameOrigin } from '@/lib/files/http';
import { castVote, memberVoter } from '@/lib/voting/service';
import { cookieValue, verifyVoterToken, voterCookieName } from '@/lib/voting/voter-token';

export const dynamic = 'force-dynamic';

const DEVICE_COOKIE = 'dj_device';
const STATUS: Partial<Record<AppError['code'], number>> = { FORBIDDEN: 403, NOT_FOUND: 404, STAGE_LOCKED: 409, VOTE_LIMIT: 429, INVALID_INPUT: 400 };

function reply(status: number, body: object, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** One vote (a route handler, not a server action: phones in WeChat-like browsers retry, and the benchmark posts here). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request.headers)) return reply(403, { message: '请求来源不被允许' });
  const { id: campaignId } = await params;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return reply(400, { message: '请求格式不正确' });
  }
  const cookieHeader = request.headers.get('cookie');
  // A phone verified for this campaign (公众) votes with its signed cookie; otherwise the member's account.
  let voterId = verifyVoterToken(campaignId, cookieValue(cookieHeader, voterCookieName(campaignId)));
  if (!voterId) {
    const user = await getCurrentUser();
    if (!user) return reply(401, { message: '请先登录或验证手机号后再投票' });
    voterId = await memberVoter(campaignId, user.id);
    if (!voterId) return reply(403, { message: '您不是本次活动范围内的党员，或本活动未开放党员投票' });
  }
  const device = /^[A-Za-z0-9]{16,40}$/.exec(cookieValue(cookieHeader, DEVICE_COOKIE) ?? '')?.[0];
  const deviceId = device ?? randomBytes(12).toString('hex');
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  try {
    const result = await castVote(
      { campaignId, applicationId: String(input.applicationId ?? ''), idempotencyKey: String(input.idempotencyKey ?? '') },
      { voterId, ip: clientIpFrom(request.headers), userAgent: request.headers.get('user-agent'), deviceId },
    );
    const cookie: Record<string, string> = device ? {} : { 'Set-Cookie': `${DEVICE_COOKIE}=${deviceId}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax` };
    return reply(200, result, cookie);
  } catch (error) {
    if (error instanceof AppError) return reply(STATUS[error.code] ?? 409, { message: error.message, code: error.code });
    if (error instanceof ZodError) return reply(400, { message: '请求参数不正确' });
    throw error;
  }
}
