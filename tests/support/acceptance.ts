import { db } from '@/lib/db';
import { createCampaignScope, createTestCampaign } from './campaigns';
import { createOrg, createUser } from './factories';

/**
 * A published campaign of the east district with its 验收认定 stage open (by database time), two branches under the
 * east 党工委 each holding a submitted declaration, a brand and a cultivation (created directly: the program-brand
 * helper's code makes them in the app), their secretaries, and experts: one from the east 党工委 (the requesting line:
 * conflicts), one from the west district and one from the organizer itself.
 */
export async function createAcceptanceScope() {
  const scope = await createCampaignScope();
  const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '60 days', ends_at = now() - interval '30 days' WHERE campaign_id = ${campaign.id}`;
  await db.campaignStage.create({ data: { campaignId: campaign.id, kind: 'ACCEPTANCE', startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 10 * 86_400_000) } });

  const cultivate = async (name: string) => {
    const branch = await createOrg({ parent: scope.eastCommittee });
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
    const brand = await db.brand.create({ data: { organizationId: branch.id, name } });
    const application = await db.application.create({
      data: { campaignId: campaign.id, organizationId: branch.id, brandId: brand.id, status: 'SUBMITTED', brandName: name, submittedAt: new Date(), createdById: secretary.id },
    });
    const cultivation = await db.cultivation.create({ data: { brandId: brand.id, campaignId: campaign.id, applicationId: application.id } });
    return { branch, secretary, brand, application, cultivation };
  };
  const a = await cultivate('红色引擎');
  const b = await cultivate('先锋驿站');

  const expert = async (home: { id: string }) => {
    const user = await createUser({ roles: [{ role: 'EXPERT', organizationId: scope.east.id }] });
    await db.expertProfile.create({ data: { userId: user.id, homeOrganizationId: home.id, title: '党校教授' } });
    return user;
  };
  const committeeExpert = await expert(scope.eastCommittee);
  const westExpert = await expert(scope.west);
  const ownerExpert = await expert(scope.east);
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: scope.eastCommittee.id }] });
  const westCommitteeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: scope.westCommittee.id }] });
  return { ...scope, campaign, a, b, committeeExpert, westExpert, ownerExpert, committeeAdmin, westCommitteeAdmin };
}

export const REPORT = { background: '机关支部服务群众的需要。', measures: '- 建立**党员先锋岗**\n- 每月主题党日', results: '群众满意度 98%。' };

export async function setAcceptanceWindow(campaignId: string, window: 'upcoming' | 'closed') {
  if (window === 'upcoming') await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() + interval '1 day', ends_at = now() + interval '2 days' WHERE campaign_id = ${campaignId} AND kind = 'ACCEPTANCE'`;
  else await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'ACCEPTANCE'`;
}
