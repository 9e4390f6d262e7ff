// Where a certificate's QR code points: the public verification page under the site's configured address. Printed
// certificates outlive requests, so the address comes from NEXTAUTH_URL, not from whichever host served the download.
import { env } from '@/lib/env';

export const verificationPath = (certificateNo: string) => `/certificates/${encodeURIComponent(certificateNo)}`;

/** The configured public address, else the origin of the request at hand (development without NEXTAUTH_URL). */
export function publicBaseUrl(requestOrigin?: string): string {
  const base = env().NEXTAUTH_URL ?? requestOrigin ?? 'http://localhost:3000';
  return base.replace(/\/+$/, '');
}

export function verificationUrl(certificateNo: string, requestOrigin?: string): string {
  return `${publicBaseUrl(requestOrigin)}${verificationPath(certificateNo)}`;
}
