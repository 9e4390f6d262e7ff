import { db } from '@/lib/db';
import { stagesBefore } from '@/lib/campaign/stages';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { publishBrandList } from '@/lib/brand-list/service';
import { bulkPassQualifications } from '@/lib/qualification/service';
import { createOrg, createUser } from './factories';
import { createRecommendationScope, openQualification } from './recommendations';

/**
 * A city campaign whose 品牌清单 holds `entries` brands (all declared under one 党工委 of the east district), the expert
 * review open by database time, and experts: one from the declaring 党工委 (conflicts with every entry), one from the
 * west district, one from the city itself (the organizer: conflicts with nobody), plus `extraExperts` from other units.
 */
export async function createReviewScope(options: { entries: number; extraExperts?: number; expertsPerEntry?: number }) {
  const scope = await createListedScope(options.entries);
  await openExpertReview(scope.campaign.id);
  if (options.expertsPerEntry) await db.campaign.update({ where: { id: scope.campaign.id }, data: { expertsPerEntry: options.expertsPerEntry } });

  const expert = async (home: { id: string }) => {
    const user = await createUser({ roles: [{ role: 'EXPERT', organizationId: scope.city.id }] });
    await db.expertProfile.create({ data: { userId: user.id, homeOrganizationId: home.id, expertise: ['RURAL'], title: '党校教授' } });
    return user;
  };
  const committeeExpert = await expert(scope.committee);
  const westExpert = await expert(scope.westDistrict);
  const cityExpert = await expert(scope.city);
  const extra = [];
  for (let index = 0; index < (options.extraExperts ?? 0); index++) extra.push(await expert(await createOrg({ parent: scope.westDistrict })));
  return { ...scope, committeeExpert, westExpert, cityExpert, extraExperts: extra };
}

/** The recommendation scope with every entry recommended, qualified and on a published 品牌清单 (version 1). */
export async function createListedScope(entries: number) {
  const scope = await createRecommendationScope({ entries, defaultQuota: entries });
  for (const entry of scope.entries) {
    await db.recommendation.createMany({
      data: [scope.committee.id, scope.district.id].map((organizationId) => ({ campaignId: scope.campaign.id, applicationId: entry.id, organizationId, decision: 'RECOMMENDED' as const, decidedAt: new Date() })),
    });
  }
  await openQualification(scope.campaign.id);
  const as = { actorId: scope.cityAdmin.id };
  await bulkPassQualifications({ campaignId: scope.campaign.id, applicationIds: scope.entries.map((entry) => entry.id) }, as);
  await publishBrandList({ campaignId: scope.campaign.id, reason: '' }, as);
  return scope;
}

/** 资格审查 over, expert review open (voting switched off), by database time. */
export async function openExpertReview(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'QUALIFICATION'`;
  await db.$executeRaw`UPDATE campaign_stages SET is_enabled = false WHERE campaign_id = ${campaignId} AND kind = 'VOTING'`;
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 second', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'EXPERT_REVIEW'`;
}

export async function closeExpertReview(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${campaignId} AND kind = 'EXPERT_REVIEW'`;
}

/**
 * Moves the campaign to `kind` by database time: every stage before it over (not started ones too), `kind` open for
 * at least a day; later stages keep their dates.
 */
export async function openStage(campaignId: string, kind: StageKind) {
  const before = stagesBefore(kind);
  await db.$executeRaw`
    UPDATE campaign_stages SET starts_at = LEAST(starts_at, now() - interval '3 days'), ends_at = LEAST(ends_at, now() - interval '1 millisecond')
    WHERE campaign_id = ${campaignId} AND kind::text = ANY(${before})`;
  await db.$executeRaw`
    UPDATE campaign_stages SET is_enabled = true, starts_at = now() - interval '1 second', ends_at = GREATEST(ends_at, now() + interval '1 day')
    WHERE campaign_id = ${campaignId} AND kind::text = ${kind}`;
}
