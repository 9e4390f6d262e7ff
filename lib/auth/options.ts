import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authSecret } from '@/lib/env';
import { sameOriginRedirect } from '@/lib/auth/callback-url';
import { clientIpFrom } from '@/lib/auth/request-ip';
import { revokeSession, SESSION_MAX_AGE_S } from '@/lib/auth/session';
import { signInWithPassword } from '@/lib/auth/sign-in';

/**
 * next-auth v4: Credentials + JWT. The JWT carries only the id of a `user_sessions` row; the guard
 * checks that row on every request, so sessions can be revoked server-side.
 * A failed sign-in throws "CODE|detail", which the sign-in form turns into a Chinese message.
 * `secureCookies` (the request came over HTTPS, lib/auth/https.ts): the session and CSRF cookies get `Secure` and
 * their __Secure-/__Host- names; the guard reads either name.
 * `redirect` sends people only to places on this site, whatever callbackUrl the form, query or cookie names; an unusable
 * callback-url cookie (which next-auth refuses with a 500 before any callback) is dropped by proxy.ts (lib/http/edge.ts).
 */
export function getAuthOptions({ secureCookies }: { secureCookies: boolean }): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'password',
        credentials: {
          identifier: { label: '登录名或手机号', type: 'text' },
          password: { label: '密码', type: 'password' },
          captchaId: { type: 'hidden' },
          captchaAnswer: { type: 'text' },
        },
        async authorize(credentials, req) {
          const headers = new Headers(req?.headers as Record<string, string> | undefined);
          const result = await signInWithPassword({
            identifier: String(credentials?.identifier ?? '').slice(0, 100),
            password: String(credentials?.password ?? '').slice(0, 200),
            captchaId: credentials?.captchaId || undefined,
            captchaAnswer: credentials?.captchaAnswer || undefined,
            ip: clientIpFrom(headers),
            userAgent: headers.get('user-agent'),
          });
          if (!result.ok) {
            const detail =
              result.code === 'TOO_EARLY' ? String(result.waitSeconds) : result.code === 'LOCKED' ? result.until.toISOString() : '';
            throw new Error(`${result.code}|${detail}`);
          }
          return { id: result.userId, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      redirect: sameOriginRedirect,
      jwt({ token, user }) {
        if (user && 'sid' in user) token.sid = user.sid as string;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(token.sid);
      },
    },
  };
}
