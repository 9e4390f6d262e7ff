import { requireUser } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { downloadResponse, textRefusal } from '@/lib/files/http';
import { canDownloadCertificate } from '@/lib/honors/access';
import { renderCertificatePdf } from '@/lib/honors/certificate-pdf';
import { findHonorByCertificateNo } from '@/lib/honors/queries';
import { verificationUrl } from '@/lib/honors/url';
import { normaliseCertificateNo } from '@/lib/honors/verify';

export const dynamic = 'force-dynamic';

const REFUSAL = '证书不存在或您无权下载';

/** The certificate PDF: for the organizer's staff, the honored branch and the admins above it. */
export async function GET(request: Request, { params }: { params: Promise<{ no: string }> }) {
  const { no } = await params;
  let roles;
  try {
    roles = (await requireUser()).roles;
  } catch (error) {
    if (error instanceof AppError) return textRefusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const honor = await findHonorByCertificateNo(normaliseCertificateNo(no));
  // Unknown and not-yours answer alike, so numbers cannot be probed.
  if (!honor || !canDownloadCertificate(roles, honor)) return textRefusal(404, REFUSAL);
  const pdf = await renderCertificatePdf({ ...honor, verificationUrl: verificationUrl(honor.certificateNo, new URL(request.url).origin) });
  return downloadResponse(pdf, 'pdf', `${honor.brandName}-荣誉证书-${honor.certificateNo}.pdf`, `certificate-${honor.certificateNo}.pdf`);
}
