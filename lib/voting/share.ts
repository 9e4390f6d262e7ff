// Share links of the voting pages: an absolute URL (from the request's host, as the visitor reached us) and its QR code
// as inline SVG, drawn on the server so phones download no QR library.
import { headers } from 'next/headers';
import QRCode from 'qrcode';

export async function absoluteUrl(path: string): Promise<string> {
  const list = await headers();
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost';
  const proto = list.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}${path}`;
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1c1917', light: '#ffffff' } });
}
