import { requireAnyRole } from '@/lib/auth/guard';
import { grantsRoleAt } from '@/lib/auth/scope';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { AppError } from '@/lib/errors';
import { checklistOf } from '@/lib/qualification/checklist';
import { buildQualificationWorkbook } from '@/lib/qualification/export';
import { listQualificationTable } from '@/lib/qualification/queries';

import { downloadResponse, textRefusal } from '@/lib/files/http';

export const dynamic = 'force-dynamic';

/** The campaign's 资格审查表; only organization admins of its owner (or above) may download it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let roles;
  try {
    roles = (await requireAnyRole(['ORG_ADMIN'])).roles;
  } catch (error) {
    if (error instanceof AppError) return textRefusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const campaign = await getCampaignDetail((await params).id);
  if (!campaign || !grantsRoleAt(roles, ['ORG_ADMIN'], campaign.ownerOrg.path)) return textRefusal(404, '评选活动不存在或您无权查看');
  const body = await buildQualificationWorkbook(campaign.title, checklistOf(campaign), await listQualificationTable(campaign));
  return downloadResponse(body, 'xlsx', `${campaign.title}-资格审查表.xlsx`, 'qualification.xlsx');
}
