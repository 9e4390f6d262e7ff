// The verification page reads through Next's data cache under the gallery tag: a QR scan costs no query until an
// honor changes (finalise, 摘牌), and whatever changes one calls revalidateGallery(). Only well-formed numbers reach the
// cache, so random input cannot fill it.
import { cachedForGallery } from '@/lib/gallery/cache';
import { CERTIFICATE_NO_PATTERN, normaliseCertificateNo, verifyCertificate, type TVerification } from '@/lib/honors/verify';

const cachedVerification = cachedForGallery((certificateNo: string) => verifyCertificate(certificateNo), 'certificate-verification');

export function verifyCertificateCached(raw: string): Promise<TVerification> {
  const certificateNo = normaliseCertificateNo(raw);
  if (!CERTIFICATE_NO_PATTERN.test(certificateNo)) return Promise.resolve({ status: 'unknown', certificateNo });
  return cachedVerification(certificateNo);
}
