import { z } from 'zod';
import { grantsRoleAt } from '@/lib/auth/scope';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { checklistOf } from '@/lib/qualification/checklist';
import { buildQualificationWorkbook } from '@/lib/qualification/export';
import { listQualificationTable } from '@/lib/qualification/queries';

export const dynamic = 'force-dynamic';

const REFUSAL = '评选活动不存在或您无权查看';

/** The campaign's 资格审查表; only organization admins of its owner (or above) may download it. */
export const GET = route(
  { access: ['ORG_ADMIN'], params: z.object({ id: z.string().max(64, REFUSAL) }), refusals: 'text' },
  async ({ user, params }) => {
    const campaign = await getCampaignDetail(params.id);
    if (!campaign || !grantsRoleAt(user.roles, ['ORG_ADMIN'], campaign.ownerOrg.path)) return textRefusal(404, REFUSAL);
    const body = await buildQualificationWorkbook(campaign.title, checklistOf(campaign), await listQualificationTable(campaign));
    return downloadResponse(body, 'xlsx', `${campaign.title}-资格审查表.xlsx`, 'qualification.xlsx');
  },
);
