import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { cleanRequest, route } from '@/lib/http/route';

// public: next-auth's own endpoints (sign-in, CSRF token, sign-out); credentials are checked in lib/auth.
const handler = route({ access: 'public' }, async ({ request, params }) =>
  NextAuth(getAuthOptions())(await cleanRequest(request), { params: Promise.resolve(params) }),
);

export { handler as GET, handler as POST };
