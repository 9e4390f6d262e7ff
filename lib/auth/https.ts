import { env, type TEnv } from '@/lib/env';

/**
 * Whether the browser reached the site over HTTPS, so cookies must be Secure: NEXTAUTH_URL is an https address, or a
 * trusted reverse proxy (TRUST_PROXY) says so in X-Forwarded-Proto (its first entry: the scheme the browser used).
 * Without TRUST_PROXY the header is only the client's word and is ignored.
 */
export function isHttpsRequest(headers: Headers, config: Pick<TEnv, 'NEXTAUTH_URL' | 'TRUST_PROXY'> = env()): boolean {
  if (config.NEXTAUTH_URL?.startsWith('https://')) return true;
  if (!config.TRUST_PROXY) return false;
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
