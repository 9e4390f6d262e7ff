// 证书验证: what the public learns from a certificate number. Typed numbers arrive from phones and IMEs, so they are
// normalised first (full-width forms, any dash, spaces, lower case) before the lookup.
import { db } from '@/lib/db';

/** DJPP-2026-000001: prefix, year of the 表彰决定, a serial from one sequence (six digits or more). */
export const HONOR_NO_PATTERN = /^DJPP-\d{4}-\d{6,}$/;
/** DJRD-2026-000001: a recognition (认定 after 验收认定), its serial from recognition_no_seq. */
export const RECOGNITION_NO_PATTERN = /^DJRD-\d{4}-\d{6,}$/;
/** Any number the verification page knows: an honor's certificate or a recognition's. */
export const CERTIFICATE_NO_PATTERN = /^DJ(PP|RD)-\d{4}-\d{6,}$/;

const DASHES = /[\u2010-\u2015\u2212\u30FC\uFE58\uFE63\uFF0D\u2E3A\u2E3B]/g;

export function normaliseCertificateNo(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(DASHES, '-')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

export type TVerification =
  | { status: 'unknown'; certificateNo: string }
  | {
      status: 'valid' | 'revoked';
      certificateNo: string;
      brandName: string;
      organizationName: string;
      awardName: string;
      campaignTitle: string;
      issuerName: string;
      /** ISO strings: the result is cached as JSON (lib/honors/public-cache.ts). */
      issuedOn: string;
      revokedAt: string | null;
      revokeReason: string | null;
    };

/** The certificate as it stands now: valid, revoked (摘牌) with the date and reason, or unknown. */
export async function verifyCertificate(raw: string): Promise<TVerification> {
  const certificateNo = normaliseCertificateNo(raw);
  if (RECOGNITION_NO_PATTERN.test(certificateNo)) return verifyRecognition(certificateNo);
  if (!HONOR_NO_PATTERN.test(certificateNo)) return { status: 'unknown', certificateNo };
  const honor = await db.honor.findUnique({
    where: { certificateNo },
    select: {
      brandName: true,
      organizationName: true,
      awardName: true,
      issuedOn: true,
      revokedAt: true,
      revokeReason: true,
      campaign: { select: { title: true, ownerOrg: { select: { name: true } } } },
    },
  });
  if (!honor) return { status: 'unknown', certificateNo };
  return {
    status: honor.revokedAt ? 'revoked' : 'valid',
    certificateNo,
    brandName: honor.brandName,
    organizationName: honor.organizationName,
    awardName: honor.awardName,
    campaignTitle: honor.campaign.title,
    issuerName: honor.campaign.ownerOrg.name,
    issuedOn: honor.issuedOn.toISOString(),
    revokedAt: honor.revokedAt?.toISOString() ?? null,
    revokeReason: honor.revokeReason,
  };
}

async function verifyRecognition(recognitionNo: string): Promise<TVerification> {
  const recognition = await db.recognition.findUnique({
    where: { recognitionNo },
    select: { brandName: true, organizationName: true, issuedOn: true, revokedAt: true, revokeReason: true, cultivation: { select: { campaign: { select: { title: true, status: true, ownerOrg: { select: { name: true } } } } } } },
  });
  if (!recognition || !['PUBLISHED', 'FINISHED'].includes(recognition.cultivation.campaign.status)) return { status: 'unknown', certificateNo: recognitionNo };
  const { campaign } = recognition.cultivation;
  return {
    status: recognition.revokedAt ? 'revoked' : 'valid',
    certificateNo: recognitionNo,
    brandName: recognition.brandName,
    organizationName: recognition.organizationName,
    awardName: '验收认定',
    campaignTitle: campaign.title,
    issuerName: campaign.ownerOrg.name,
    issuedOn: recognition.issuedOn.toISOString(),
    revokedAt: recognition.revokedAt?.toISOString() ?? null,
    revokeReason: recognition.revokeReason,
  };
}
