import { z } from 'zod';
import { renderPlanPdf } from '@/lib/cultivation/plan-pdf';
import { loadPlanForDownload } from '@/lib/cultivation/queries';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '创建方案不存在或您无权查看';

export const GET = route(
  { access: ['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN'], params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' },
  async ({ user, params: { id } }) => {
    // Unknown and not-yours answer alike.
    const view = await loadPlanForDownload(user, id);
    if (!view) return textRefusal(404, REFUSAL);
    const pdf = await renderPlanPdf(view);
    return downloadResponse(pdf, 'pdf', `${view.target.brandName}-创建方案.pdf`, 'plan.pdf');
  },
);
