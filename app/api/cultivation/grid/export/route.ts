import { z } from 'zod';
import { streamGridWorkbook } from '@/lib/cultivation/grid-export';
import { loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { gridExportScope } from '@/lib/cultivation/queries';
import { downloadStreamResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const REFUSAL = '活动不存在或不在您的范围内';

export const GET = route(
  { access: ['COMMITTEE_ADMIN', 'ORG_ADMIN'], query: z.object({ campaign: z.string().min(1, REFUSAL).max(64, REFUSAL), org: z.string().max(64, REFUSAL).optional() }), refusals: 'text' },
  async ({ user, query }) => {
    const scope = await gridExportScope(user, query.campaign, query.org);
    if (!scope) return textRefusal(404, REFUSAL);
    const campaign = await loadGridCampaign(query.campaign);
    const { body, rows, estimatedBytes } = await streamGridWorkbook(campaign, scope.path);
    return downloadStreamResponse(body, 'xlsx', `${campaign.title}-${scope.name}-台帐上报情况.xlsx`, 'ledger-grid.xlsx', { rows, estimatedBytes });
  },
);
