import { z } from 'zod';
import { canDownloadCertificate } from '@/lib/honors/access';
import { renderCertificatePdf } from '@/lib/honors/certificate-pdf';
import { findHonorByCertificateNo, findRecognitionByNo } from '@/lib/honors/queries';
import { verificationUrl } from '@/lib/honors/url';
import { normaliseCertificateNo, RECOGNITION_NO_PATTERN } from '@/lib/honors/verify';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '证书不存在或您无权下载';

/** The certificate PDF (an honor's, or a recognition's after 验收认定): for the organizer's staff, the branch and the admins above it. */
export const GET = route(
  { access: 'user', params: z.object({ no: z.string().max(64, REFUSAL) }), refusals: 'text' },
  async ({ request, user, params }) => {
    const no = normaliseCertificateNo(params.no);
    const recognised = RECOGNITION_NO_PATTERN.test(no);
    const honor = recognised ? await findRecognitionByNo(no) : await findHonorByCertificateNo(no);
    // Unknown and not-yours answer alike, so numbers cannot be probed.
    if (!honor || !canDownloadCertificate(user.roles, honor)) return textRefusal(404, REFUSAL);
    const pdf = await renderCertificatePdf({ ...honor, verificationUrl: verificationUrl(honor.certificateNo, new URL(request.url).origin) });
    return downloadResponse(pdf, 'pdf', `${honor.brandName}-${recognised ? '认定证书' : '荣誉证书'}-${honor.certificateNo}.pdf`, `certificate-${honor.certificateNo}.pdf`);
  },
);
