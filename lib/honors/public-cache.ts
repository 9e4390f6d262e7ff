// The verification page reads through Next's data cache under the gallery tag: a QR scan costs no query until an
// honor changes (finalise, 摘牌), and whatever changes one calls revalidateGallery(). Only well-formed numbers reach the
// cache, so random input cannot fill it.
import { randomUUID } from 'node:crypto';
import { unstable_cache } from 'next/cache';
import { GALLERY_TAG } from '@/lib/gallery/cache';
import { CERTIFICATE_NO_PATTERN, normaliseCertificateNo, verifyCertificate, type TVerification } from '@/lib/honors/verify';

// Next writes cache entries to disk (.next/cache) but keeps the record of revalidated tags in memory only: after a
// restart, an entry written before a 摘牌 would look fresh again (and after a database reset, numbers are reissued).
// The key is therefore per server process; the time limit bounds staleness should several processes ever share a cache.
const PROCESS_KEY = randomUUID();

const cachedVerification = unstable_cache((certificateNo: string) => verifyCertificate(certificateNo), ['certificate-verification', PROCESS_KEY], {
  tags: [GALLERY_TAG],
  revalidate: 600,
});

export function verifyCertificateCached(raw: string): Promise<TVerification> {
  const certificateNo = normaliseCertificateNo(raw);
  if (!CERTIFICATE_NO_PATTERN.test(certificateNo)) return Promise.resolve({ status: 'unknown', certificateNo });
  return cachedVerification(certificateNo);
}
