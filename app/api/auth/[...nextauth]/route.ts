import NextAuth from 'next-auth';
import { isHttpsRequest } from '@/lib/auth/https';
import { z } from 'zod';
import { getAuthOptions } from '@/lib/auth/options';
import { cleanRequest, route } from '@/lib/http/route';

/** next-auth answers a callbackUrl it cannot use (not a path, not http) with a 500 "configuration problem". */
const isUsableCallback = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? 'http://localhost' : undefined).protocol);
  } catch {
    return false;
  }
};

const ZQuery = z.looseObject({ callbackUrl: z.string().refine(isUsableCallback, '回调地址不正确').optional() });

// public: next-auth's own endpoints (sign-in, CSRF token, sign-out); credentials are checked in lib/auth.
const handler = route({ access: 'public', query: ZQuery }, async ({ request, params }) =>
  NextAuth(getAuthOptions({ secureCookies: isHttpsRequest(request.headers) }))(await cleanRequest(request), { params: Promise.resolve(params) }),
);

export { handler as GET, handler as POST };
