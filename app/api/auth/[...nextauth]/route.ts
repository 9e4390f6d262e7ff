import NextAuth from 'next-auth';
import { isHttpsRequest } from '@/lib/auth/https';
import { getAuthOptions } from '@/lib/auth/options';

// public: next-auth's own endpoints (sign-in, CSRF token, sign-out); credentials are checked in lib/auth.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions({ secureCookies: isHttpsRequest(request.headers) }))(request, context);
}

export { handler as GET, handler as POST };
