import { describe, expect, it } from 'vitest';
import { isHttpsRequest } from '@/lib/auth/https';
import { voterCookieOptions } from '@/lib/voting/voter-token';

const proto = (value?: string) => new Headers(value ? { 'x-forwarded-proto': value } : {});

describe('Secure cookies over HTTPS', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy, and always an https NEXTAUTH_URL', () => {
    const trusted = { TRUST_PROXY: true, NEXTAUTH_URL: 'http://10.0.0.5:3000' };
    expect(isHttpsRequest(proto('https'), trusted)).toBe(true);
    expect(isHttpsRequest(proto('HTTPS, http'), trusted)).toBe(true);
    expect(isHttpsRequest(proto('http'), trusted)).toBe(false);
    expect(isHttpsRequest(proto(), trusted)).toBe(false);
    expect(isHttpsRequest(proto('https'), { TRUST_PROXY: false, NEXTAUTH_URL: undefined })).toBe(false);
    expect(isHttpsRequest(proto(), { TRUST_PROXY: false, NEXTAUTH_URL: 'https://brand.example.cn' })).toBe(true);
  });

  it('the voter cookie is HttpOnly, SameSite=Lax and Secure when asked', () => {
    const expires = new Date('2026-12-01T00:00:00Z');
    expect(voterCookieOptions(expires, true)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', expires });
    expect(voterCookieOptions(expires, false).secure).toBe(false);
  });
});
