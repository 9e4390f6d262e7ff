import { db } from '@/lib/db';
import { EMPTY_VALUES, type TApplicationValues } from '@/lib/application/schema';
import { createCampaignScope, createTestCampaign, startDeclarationInPast } from './campaigns';
import { createOrg, createUser } from './factories';

/** A published campaign with its declaration open, two branches under one committee, a secretary each and the committee admin. */
export async function createDeclarationScope() {
  const scope = await createCampaignScope();
  const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
  await startDeclarationInPast(campaign.id);
  const branchA = await createOrg({ parent: scope.eastCommittee });
  const branchB = await createOrg({ parent: scope.eastCommittee });
  const secretaryA = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branchA.id }] });
  const secretaryB = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branchB.id }] });
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: scope.eastCommittee.id }] });
  const westCommitteeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: scope.westCommittee.id }] });
  return { ...scope, campaign, branchA, branchB, secretaryA, secretaryB, committeeAdmin, westCommitteeAdmin };
}

/** A form that passes the submit schema for the campaign. */
export async function completeValues(campaignId: string, brandName = '红心向党'): Promise<TApplicationValues> {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { fields: { select: { id: true }, orderBy: { sortOrder: 'asc' } }, rubric: { select: { criteria: { select: { id: true } } } } } });
  return {
    ...EMPTY_VALUES,
    fieldId: campaign.fields[0].id,
    brandName,
    slogan: '一心向党 服务群众',
    essence: '品牌内涵的说明',
    carriers: '党员活动室、服务站',
    norms: '每周一次走访',
    practices: '建立了网格化服务机制',
    honors: '',
    secretaryName: '张书记',
    contactName: '李联系',
    contactPhone: '13812345678',
    selfAssessment: Object.fromEntries(campaign.rubric!.criteria.map((criterion) => [criterion.id, '已做到'])),
  };
}

export async function setDeclarationWindow(campaignId: string, window: 'upcoming' | 'closed') {
  if (window === 'upcoming') {
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() + interval '1 hour' WHERE campaign_id = ${campaignId} AND kind = 'DECLARATION'`;
  } else {
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 second' WHERE campaign_id = ${campaignId} AND kind = 'DECLARATION'`;
  }
}
