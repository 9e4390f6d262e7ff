import { z } from 'zod';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { opinionRows } from '@/lib/acceptance/opinion';
import { renderOpinionPdf } from '@/lib/acceptance/opinion-pdf';
import { loadAcceptanceRequest } from '@/lib/acceptance/queries';

export const dynamic = 'force-dynamic';

const REFUSAL = '验收意见书不存在或您无权查看';

/** 验收意见书 (A4 PDF) of a decided request: the organizer, the requesting branch and the group's experts. */
export const GET = route(
  { access: 'user', params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' },
  async ({ user, params: { id } }) => {
    const request = await loadAcceptanceRequest(user, id);
    // Unknown, not yours and not decided yet answer alike.
    if (!request || (request.status !== 'PASSED' && request.status !== 'FAILED')) return textRefusal(404, REFUSAL);
    const pdf = await renderOpinionPdf({ issuerName: request.cultivation.campaign.ownerOrg.name, rows: opinionRows(request) });
    return downloadResponse(pdf, 'pdf', `${request.cultivation.brand.name}-验收意见书.pdf`, 'acceptance-opinion.pdf');
  },
);
