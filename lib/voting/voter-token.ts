// The public voter's session: after the SMS code is verified, a signed cookie names the voter row of one campaign.
// Verifying it needs no database read (the vote itself checks that the row exists in cast_vote).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/env';

/** One cookie per campaign: verifying for one vote does not sign the phone in anywhere else. */
export const voterCookieName = (campaignId: string) => `dj_voter_${campaignId.replace(/[^A-Za-z0-9_-]/g, '')}`;

/** A verified phone stays signed in for a week, or until the vote closes, whichever is first. */
export const VOTER_SESSION_MS = 7 * 24 * 60 * 60 * 1000;

function mac(campaignId: string, voterId: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`vote:${campaignId}:${voterId}:${expires}`).digest('base64url').slice(0, 32);
}

export function signVoterToken(campaignId: string, voterId: string, expiresAt: Date, secret = authSecret()): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${voterId}.${expires}.${mac(campaignId, voterId, expires, secret)}`;
}

/** The voter id the token names, or null when it is forged, for another campaign, or expired. */
export function verifyVoterToken(campaignId: string, token: string | undefined, now = Date.now(), secret = authSecret()): string | null {
  if (!token || token.length > 200) return null;
  const [voterId, expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!voterId || !signature || !Number.isInteger(expires) || expires * 1000 <= now) return null;
  const expected = Buffer.from(mac(campaignId, voterId, expires, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? voterId : null;
}

/** The voter cookie: HttpOnly, SameSite=Lax, and Secure when the site is served over HTTPS (lib/auth/https.ts). */
export function voterCookieOptions(expiresAt: Date, secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires: expiresAt };
}

/** Reads one cookie from a raw Cookie header (route handlers on the hot path skip the cookie jar). */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
