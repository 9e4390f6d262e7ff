import { db } from '@/lib/db';
import { createTestCampaign } from './campaigns';
import { createOrg, createUser } from './factories';

/** Adds a running 培育创建 stage (started `startedDaysAgo` days ago by database time) and optionally a 创建期 end day. */
export async function openCultivationStage(campaignId: string, input: { startedDaysAgo?: number; endsInDays?: number } = {}) {
  const started = input.startedDaysAgo ?? 60;
  const ends = input.endsInDays ?? 120;
  await db.$executeRaw`
    INSERT INTO campaign_stages (id, campaign_id, kind, is_enabled, starts_at, ends_at)
    VALUES (gen_random_uuid()::text, ${campaignId}, 'CULTIVATION', true, now() - make_interval(days => ${started}), now() + make_interval(days => ${ends}))
    ON CONFLICT (campaign_id, kind) DO UPDATE SET is_enabled = true, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`;
}

/** A brand of `organizationId` in cultivation in the campaign (its declaration, its lasting brand, its cultivation row). */
export async function createCultivation(campaignId: string, organizationId: string, brandName = `测试品牌${Date.now().toString(36)}`) {
  const brand = await db.brand.create({ data: { organizationId, name: brandName } });
  const application = await db.application.create({
    data: { campaignId, organizationId, brandId: brand.id, status: 'SUBMITTED', brandName, submittedAt: new Date() },
  });
  return db.cultivation.create({ data: { campaignId, brandId: brand.id, applicationId: application.id } });
}

/**
 * A city campaign in 培育创建: the east 党工委 (committee admin) with branch A (secretary, brand in cultivation), the west
 * 党工委 (its own admin) with branch W (its own cultivation), the city's organization department (ORG_ADMIN).
 */
export async function createCultivationScope(input: { startedDaysAgo?: number; endsInDays?: number } = {}) {
  const city = await createOrg({ levelLabel: '市委' });
  const committee = await createOrg({ parent: city, levelLabel: '党工委' });
  const westCommittee = await createOrg({ parent: city, levelLabel: '党工委' });
  const branch = await createOrg({ parent: committee, name: `东支部${Date.now().toString(36)}` });
  const westBranch = await createOrg({ parent: westCommittee, name: `西支部${Date.now().toString(36)}` });
  const cityAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const westAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: westCommittee.id }] });
  const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
  const westSecretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: westBranch.id }] });
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: cityAdmin.id, publish: true });
  await openCultivationStage(campaign.id, input);
  const cultivation = await createCultivation(campaign.id, branch.id);
  const westCultivation = await createCultivation(campaign.id, westBranch.id);
  return { city, committee, westCommittee, branch, westBranch, cityAdmin, committeeAdmin, westAdmin, secretary, westSecretary, campaign, cultivation, westCultivation };
}
