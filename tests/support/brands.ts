import { db, dbNow } from '@/lib/db';
import { defaultCampaignSetup } from '@/lib/campaign/setup-values';
import { createCampaign } from '@/lib/campaign/service';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { createCampaignScope, startDeclarationInPast } from './campaigns';
import { completeValues } from './declarations';
import { createOrg, createUser } from './factories';

let counter = 0;
const context = (actorId: string) => ({ actorId, ip: '10.9.19.1' });

/** Submits a complete declaration of `brandName` for the branch through the service; returns the application id. */
export async function submitDeclaration(campaignId: string, organizationId: string, secretaryId: string, brandName: string) {
  const { id } = await getOrCreateDraft({ campaignId, organizationId }, context(secretaryId));
  const { revision } = await db.application.findUniqueOrThrow({ where: { id }, select: { revision: true } });
  await submitApplication({ applicationId: id, revision, values: await completeValues(campaignId, brandName) }, context(secretaryId));
  return id;
}

/** A published 创建认定 campaign of the east district with its 申报 open and `branches` branches under its committee. */
export async function createCreationScope(branches = 3) {
  const scope = await createCampaignScope();
  const setup = { ...defaultCampaignSetup({ now: await dbNow(), ownerOrgId: scope.east.id, program: 'CREATION' }), title: `创建认定测试-${Date.now().toString(36)}-${counter++}`, batch: 2 };
  const campaign = await createCampaign({ ...setup, publish: true }, context(scope.eastAdmin.id));
  await startDeclarationInPast(campaign.id);
  const list = [];
  for (let index = 0; index < branches; index++) {
    const branch = await createOrg({ parent: scope.eastCommittee });
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
    list.push({ branch, secretary });
  }
  return { ...scope, campaign, branches: list };
}

/** Moves one stage of the campaign to run now (by database time), leaving the others as they are. */
export async function openStageNow(campaignId: string, kind: string) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind::text = ${kind}`;
}

/**
 * An honour of `applicationId` written straight to the database (the 表彰决定 flow is tested on its own): a signed
 * 审定 and a 表彰决定 of its campaign with one award.
 */
export async function insertHonour(input: { campaignId: string; applicationId: string; actorId: string; awardName?: string }) {
  const awardName = input.awardName ?? '优秀党建品牌';
  const application = await db.application.findUniqueOrThrow({ where: { id: input.applicationId }, select: { brandName: true, organization: { select: { name: true } } } });
  const award = await db.award.create({ data: { campaignId: input.campaignId, kind: 'CUSTOM', name: `${awardName}-${counter++}`, count: 5 }, select: { id: true } });
  const decision = await db.decision.create({
    data: { campaignId: input.campaignId, kind: 'FINAL', version: 1, meetingDate: new Date('2025-11-20T00:00:00Z'), attendees: '领导小组', signedAt: new Date(), signedById: input.actorId },
    select: { id: true },
  });
  const announcement = await db.announcement.create({
    data: { campaignId: input.campaignId, decisionId: decision.id, title: '表彰决定', documentNo: `测〔2025〕${counter++}号`, preamble: '经研究决定', issuedOn: new Date('2025-12-01T00:00:00Z'), publishedById: input.actorId },
    select: { id: true },
  });
  return db.honor.create({
    data: {
      campaignId: input.campaignId,
      announcementId: announcement.id,
      applicationId: input.applicationId,
      awardId: award.id,
      certificateNo: `TEST-${Date.now().toString(36)}-${counter++}`,
      brandName: application.brandName,
      organizationName: application.organization.name,
      awardName,
      issuedOn: new Date('2025-12-01T00:00:00Z'),
    },
    select: { id: true },
  });
}
