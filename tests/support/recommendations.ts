import { db } from '@/lib/db';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { createTestCampaign, startDeclarationInPast } from './campaigns';
import { completeValues } from './declarations';
import { createOrg, createUser } from './factories';

const context = (actorId: string) => ({ actorId, ip: '10.9.6.1' });
let counter = 0;

/**
 * A city-run campaign with two recommending levels on the east side (党工委 `committee` under 区委 `district`),
 * `entries` branches under the committee that have each submitted, and the recommendation stage open.
 */
export async function createRecommendationScope(options: { entries: number; defaultQuota?: number }) {
  const city = await createOrg({ levelLabel: '市委' });
  const district = await createOrg({ parent: city, levelLabel: '区委' });
  const committee = await createOrg({ parent: district, levelLabel: '党工委' });
  const westDistrict = await createOrg({ parent: city, levelLabel: '区委' });
  const westCommittee = await createOrg({ parent: westDistrict, levelLabel: '党工委' });
  const cityAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const committeeAdmin2 = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const districtAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: district.id }] });
  const westAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: westCommittee.id }] });
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: cityAdmin.id, publish: true });
  if (options.defaultQuota !== undefined) await db.campaign.update({ where: { id: campaign.id }, data: { defaultQuota: options.defaultQuota } });
  await startDeclarationInPast(campaign.id);
  const values = await completeValues(campaign.id);
  const tag = `${Date.now().toString(36).replace(/\d/g, '').slice(-3)}${counter++}`;
  const entries: { id: string; branchId: string; secretaryId: string }[] = [];
  for (let index = 0; index < options.entries; index++) {
    const branch = await createOrg({ parent: committee });
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
    const draft = await getOrCreateDraft({ campaignId: campaign.id, organizationId: branch.id }, context(secretary.id));
    await submitApplication({ applicationId: draft.id, revision: 0, values: { ...values, brandName: `推荐${tag}第${index + 1}号` } }, context(secretary.id));
    entries.push({ id: draft.id, branchId: branch.id, secretaryId: secretary.id });
  }
  await openRecommendation(campaign.id);
  return { city, district, committee, westDistrict, westCommittee, cityAdmin, committeeAdmin, committeeAdmin2, districtAdmin, westAdmin, campaign, entries, values };
}

/** Declaration over, recommendation open, by database time. */
export async function openRecommendation(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '3 days', ends_at = now() - interval '1 second' WHERE campaign_id = ${campaignId} AND kind = 'DECLARATION'`;
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 second', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'RECOMMENDATION'`;
}

export async function closeRecommendation(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${campaignId} AND kind = 'RECOMMENDATION'`;
}

/** The level at `depth` reached its own deadline a moment ago; the stage itself runs on. */
export async function closeLevel(campaignId: string, depth: number) {
  await db.$executeRaw`
    INSERT INTO recommendation_deadlines (campaign_id, depth, ends_at) VALUES (${campaignId}, ${depth}, now() - interval '1 millisecond')
    ON CONFLICT (campaign_id, depth) DO UPDATE SET ends_at = EXCLUDED.ends_at`;
}

/** Reopens the declaration (and keeps recommendation open) so a returned entry can be resubmitted. */
export async function reopenDeclaration(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'DECLARATION'`;
}

/** Recommendation over, 资格审查 open, by database time. */
export async function openQualification(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'DECLARATION'`;
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 day', ends_at = now() - interval '1 second' WHERE campaign_id = ${campaignId} AND kind = 'RECOMMENDATION'`;
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 second', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'QUALIFICATION'`;
}
