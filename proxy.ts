// Next's proxy (before routing) for every page, route and action request: the checks of lib/http/edge.ts. nginx in
// front does what needs the socket (client address, body size with lingering close; deploy/nginx.conf).
import { NextResponse, type NextRequest } from 'next/server';
import { ACTION_BODY_LIMIT_BYTES } from '@/lib/http/body-limit.mjs';
import {
  CALLBACK_URL_COOKIES,
  STRICT_TRANSPORT_SECURITY,
  cleanRequestTarget,
  hasDecodablePath,
  hasSameOriginOrNone,
  isDecodableActionBody,
  isHttpsRequest,
  isPossibleServerAction,
  isUsableCallbackCookie,
  requestHost,
} from '@/lib/http/edge';
import { cachedPagePath } from '@/lib/http/cached-pages';
import { env } from '@/lib/env';

const decodedOrNull = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
};

const refuse = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' } });

export function proxy(request: NextRequest): Promise<NextResponse> {
  return edgeProxy(request, { trustProxy: env().TRUST_PROXY });
}

/** The proxy with its setting given (tests call it both ways). */
export async function edgeProxy(request: NextRequest, { trustProxy }: { trustProxy: boolean }): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const rawTarget = request.url.slice(request.nextUrl.origin.length);
  if (!hasDecodablePath(rawTarget.split('?')[0])) return refuse(400, '网址格式不正确');

  const headers = new Headers(request.headers);
  if (!trustProxy) {
    // Next fills X-Forwarded-Host/-Proto only when the client sent none: here they are always the request's own.
    headers.set('x-forwarded-host', request.headers.get('host') ?? request.nextUrl.host);
    headers.set('x-forwarded-proto', 'http');
    headers.delete('forwarded');
  }
  const host = requestHost(headers, trustProxy);

  if (isPossibleServerAction(request.method, pathname, headers)) {
    if (!hasSameOriginOrNone(headers, host)) return refuse(403, '请求来源不被允许');
    if (Number(headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT_BYTES) return refuse(413, '提交的内容过大');
    const body = Buffer.from(await request.clone().arrayBuffer());
    if (body.length > ACTION_BODY_LIMIT_BYTES) return refuse(413, '提交的内容过大');
    if (!(await isDecodableActionBody(headers, body))) return refuse(400, '请求格式不正确');
  }

  // Read from the header itself: a value the cookie parser cannot decode must be found too.
  const cleared = new Set<string>();
  const pairs = (headers.get('cookie') ?? '').split(/;\s*/).filter(Boolean);
  const kept = pairs.filter((pair) => {
    const at = pair.indexOf('=');
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (!(CALLBACK_URL_COOKIES as readonly string[]).includes(name) || isUsableCallbackCookie(decodedOrNull(at < 0 ? '' : pair.slice(at + 1)), host)) return true;
    cleared.add(name);
    return false;
  });
  if (cleared.size) {
    // The other cookies stay byte for byte as the browser sent them.
    if (kept.length) headers.set('cookie', kept.join('; '));
    else headers.delete('cookie');
  }

  const cleanTarget = cleanRequestTarget(rawTarget);
  const target = new URL(cleanTarget, request.nextUrl.origin);
  // 品牌风采 unfiltered and /demo are served by their cached twins (lib/http/cached-pages.ts).
  const cachedPath = request.method === 'GET' || request.method === 'HEAD' ? cachedPagePath(target) : null;
  if (cachedPath) target.pathname = cachedPath;
  const response =
    cleanTarget === rawTarget && !cachedPath
      ? NextResponse.next({ request: { headers } })
      : NextResponse.rewrite(target, { request: { headers } });
  for (const name of cleared) {
    response.headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`);
  }
  if (isHttpsRequest(headers, trustProxy)) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Not Next's static files and icons (nothing there reads a query, cookie or body), and not the vote route, the one
  // hot path of a burst: it is no page or action, its route boundary cleans its input, and nginx sets its client address.
  // Nor the benchmark build's own routes (api/bench, absent from every other build), which bench:vote compares it with.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|api/bench/|api/campaigns/[^/]+/votes$).*)'],
};
