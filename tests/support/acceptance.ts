import { db } from '@/lib/db';
import { DEFAULT_ACCEPTANCE_CRITERIA } from '@/lib/acceptance/service';
import { createCampaignScope, createTestCampaign } from './campaigns';
import { createOrg, createUser } from './factories';

/**
 * A published campaign of the east district with its 验收认定 stage open (by database time), two branches under the
 * east 党工委 each holding a submitted declaration, a brand and a cultivation (created directly: the program-brand
 * helper's code makes them in the app), their secretaries, and experts: one from the east 党工委 (the requesting line:
 * conflicts), one from the west district and one from the organizer itself.
 */
/** The 创建方案 a request needs, approved by the committee. */
function approvedPlan(cultivationId: string) {
  return db.cultivationPlan.create({
    data: { cultivationId, goals: '创建目标', measures: '主要措施', tasks: [{ title: '任务', dueOn: '2026-09-30', responsible: '书记' }], status: 'APPROVED', submittedAt: new Date(), decidedAt: new Date() },
  });
}

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
    await approvedPlan(cultivation.id);
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

/** Opens the 验收认定 stage of a campaign by database time (campaigns made by the wizard hold the 9 selection stages only). */
export async function openAcceptanceStage(campaignId: string) {
  await db.$executeRaw`
    INSERT INTO campaign_stages (id, campaign_id, kind, is_enabled, starts_at, ends_at)
    VALUES (gen_random_uuid()::text, ${campaignId}, 'ACCEPTANCE', true, now() - interval '1 day', now() + interval '30 days')
    ON CONFLICT (campaign_id, kind) DO UPDATE SET is_enabled = true, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`;
}

/** A submitted entry of the organization in the campaign, its lasting brand and its cultivation (slot: several per branch). */
export async function createCultivation(input: { campaignId: string; organizationId: string; secretaryId: string; name: string; slot?: number; withoutPlan?: boolean }) {
  const brand = await db.brand.create({ data: { organizationId: input.organizationId, name: input.name } });
  const application = await db.application.create({
    data: {
      campaignId: input.campaignId,
      organizationId: input.organizationId,
      slot: input.slot ?? 1,
      brandId: brand.id,
      status: 'SUBMITTED',
      brandName: input.name,
      submittedAt: new Date(),
      createdById: input.secretaryId,
    },
  });
  const cultivation = await db.cultivation.create({ data: { brandId: brand.id, campaignId: input.campaignId, applicationId: application.id } });
  // Acceptance is requested on an approved 创建方案 (lib/acceptance/hooks.ts); `withoutPlan` leaves it out.
  if (!input.withoutPlan) await approvedPlan(cultivation.id);
  return cultivation;
}

/** A request of the cultivation written directly in the given state (for worlds that need one waiting, under review or decided). */
export async function insertAcceptanceRequest(input: {
  cultivationId: string;
  requestedById: string;
  status: 'WAITING' | 'REVIEWING' | 'FAILED';
  expertIds?: string[];
  decidedById?: string;
  findings?: string;
}) {
  const decided = input.status === 'FAILED';
  const request = await db.acceptanceRequest.create({
    data: {
      cultivationId: input.cultivationId,
      round: 1,
      status: input.status,
      ...REPORT,
      requestedById: input.requestedById,
      groupFormedAt: input.status === 'WAITING' ? null : new Date(),
      criteria: input.status === 'WAITING' ? [] : DEFAULT_ACCEPTANCE_CRITERIA,
      findings: input.findings ?? (decided ? '台帐不完整，工作成效缺少数据支撑。' : ''),
      decidedAt: decided ? new Date() : null,
      decidedById: decided ? input.decidedById : null,
      experts: { create: (input.expertIds ?? []).map((expertId) => ({ expertId })) },
    },
  });
  if (!decided) await db.cultivation.update({ where: { id: input.cultivationId }, data: { status: 'ACCEPTANCE' } });
  return request;
}
