import NextAuth from 'next-auth';
import { describe, expect, it, vi } from 'vitest';
import { isHttpsRequest } from '@/lib/auth/https';
import { getAuthOptions } from '@/lib/auth/options';
import { createUser, TEST_PASSWORD } from '../support/factories';

// Behind a trusted reverse proxy (TRUST_PROXY=1), the site's address not configured as https.
vi.hoisted(() => {
  process.env.TRUST_PROXY = '1';
  delete process.env.NEXTAUTH_URL;
});

type TCall = { action: string[]; proto: string | null; body?: Record<string, string>; cookies?: Record<string, string> };

/**
 * One request to next-auth with the options our route builds for it (app/api/auth/[...nextauth]/route.ts). The
 * App Router entry reads the request through next/headers, which needs Next's request scope; the Node entry takes the
 * same request as plain objects and runs the same core.
 */
async function call({ action, proto, body, cookies = {} }: TCall) {
  const headers: Record<string, string> = { host: 'brand.example.cn', 'x-forwarded-for': '10.14.0.1', ...(proto ? { 'x-forwarded-proto': proto } : {}) };
  const options = getAuthOptions({ secureCookies: isHttpsRequest(new Headers(headers)) });
  const response = { headers: new Map<string, unknown>(), json: null as unknown };
  const res = {
    status: () => res,
    setHeader: (name: string, value: unknown) => (response.headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => response.headers.get(name.toLowerCase()),
    json: (value: unknown) => void (response.json = value),
    send: (value: unknown) => void (response.json = value),
    end: () => undefined,
  };
  const req = { method: body ? 'POST' : 'GET', query: { nextauth: action }, body, cookies, headers };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, options);
  return { setCookies: (response.headers.get('set-cookie') ?? []) as string[], json: response.json };
}

/** Fetches a CSRF token and signs in with the password, as the sign-in form does. */
async function signIn(proto: string | null, loginName: string) {
  const csrf = await call({ action: ['csrf'], proto });
  const csrfCookie = csrf.setCookies.find((cookie) => cookie.includes('next-auth.csrf-token='))!;
  const [name, value] = csrfCookie.split(';')[0].split('=');
  const { csrfToken } = csrf.json as { csrfToken: string };
  const body = { csrfToken, identifier: loginName, password: TEST_PASSWORD, json: 'true' };
  const signedIn = await call({ action: ['callback', 'credentials'], proto, body, cookies: { [name]: decodeURIComponent(value) } });
  return { csrfCookie, sessionCookie: signedIn.setCookies.find((cookie) => cookie.includes('next-auth.session-token=')) };
}

describe('cookies are Secure when the site is served over HTTPS', () => {
  it('next-auth’s session and CSRF cookies get Secure (and their __Secure-/__Host- names) behind a TLS-terminating proxy', async () => {
    const user = await createUser();
    const overHttps = await signIn('https', user.loginName);
    expect(overHttps.csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=.*; Secure/i);
    expect(overHttps.sessionCookie).toMatch(/^__Secure-next-auth\.session-token=.*; HttpOnly.*; Secure/i);

    const overHttp = await signIn(null, user.loginName);
    expect(overHttp.csrfCookie).toMatch(/^next-auth\.csrf-token=/);
    expect(overHttp.csrfCookie).not.toMatch(/Secure/i);
    expect(overHttp.sessionCookie).toMatch(/^next-auth\.session-token=/);
    expect(overHttp.sessionCookie).not.toMatch(/Secure/i);
  });
});
