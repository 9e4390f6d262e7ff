import { z } from 'zod';
import { grantsRoleAt } from '@/lib/auth/scope';
import { streamCertificatesPdf } from '@/lib/honors/certificate-pdf';
import { loadCampaignCertificates } from '@/lib/honors/queries';
import { verificationUrl } from '@/lib/honors/url';
import { downloadStreamResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '活动不存在或您无权下载其证书';

/**
 * Every certificate of a campaign's 表彰决定 in ONE PDF, one page each (摘牌 ones left out), streamed as the pages are
 * drawn: for the organizer's staff (ORG_ADMIN over the campaign owner, read from the database on this request).
 */
export const GET = route({ access: ['ORG_ADMIN'], params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' }, async ({ request, user, params }) => {
  const batch = await loadCampaignCertificates(params.id);
  if (!batch || !grantsRoleAt(user.roles, ['ORG_ADMIN'], batch.ownerPath)) return textRefusal(404, REFUSAL);
  if (!batch.certificates.length) return textRefusal(404, '该活动还没有可打印的荣誉证书');
  const origin = new URL(request.url).origin;
  const pages = batch.certificates.map((certificate) => ({ ...certificate, verificationUrl: verificationUrl(certificate.certificateNo, origin) }));
  const stream = streamCertificatesPdf({ title: `${batch.campaignTitle} 荣誉证书`, issuerName: batch.issuerName }, pages);
  return downloadStreamResponse(stream, 'pdf', `${batch.campaignTitle}-荣誉证书（${pages.length}份）.pdf`, 'certificates.pdf');
});
