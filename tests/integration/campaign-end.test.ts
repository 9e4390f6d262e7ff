import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getOrCreateDraft } from '@/lib/application/service';
import { publishBrandList } from '@/lib/brand-list/service';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { listPublicCampaigns, loadPublicCampaign } from '@/lib/campaign/queries';
import { campaignToSetup } from '@/lib/campaign/setup-values';
import { cancelCampaign, finishCampaign, openStageNow, publishCampaign, updateCampaign } from '@/lib/campaign/service';
import { finaliseCampaign, revokeHonor } from '@/lib/publicity/service';
import { qualifyApplication } from '@/lib/qualification/service';
import { recommendEntry } from '@/lib/recommendation/service';
import { createCampaignScope, createTestCampaign } from '../support/campaigns';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { createRecommendationScope } from '../support/recommendations';

const context = (actorId: string) => ({ actorId, ip: '10.9.18.5' });

/** 通报表扬 started a moment ago by database time (the 公示 is over). */
async function startAnnouncement(campaignId: string) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 hour', ends_at = now() + interval '10 days' WHERE campaign_id = ${campaignId} AND kind = 'ANNOUNCEMENT'`;
}

async function audits(campaignId: string, action: string) {
  return db.auditLog.findMany({ where: { entityId: campaignId, action }, select: { actorId: true, before: true, after: true } });
}

describe('结束活动', () => {
  it('finishes only once 通报表扬 has started; then every operation but 摘牌 and reading is refused', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 1 });
    const campaignId = scope.campaign.id;
    const as = context(scope.cityAdmin.id);
    expect(await rejection(finishCampaign({ campaignId }, as))).toMatchObject({ code: 'STAGE_LOCKED', message: '通报表扬阶段尚未开始，不能结束活动' });

    await openPublicity(campaignId, scope.cityAdmin.id);
    await endPublicity(campaignId);
    await finaliseCampaign(
      { campaignId, title: '关于命名表彰优秀党建品牌的决定', documentNo: '示范组通〔2026〕18号', preamble: '经逐级推荐、评审和公示，决定予以通报表扬。', issuedOn: shanghaiDay() },
      { actorId: scope.cityAdmin.id },
    );
    await startAnnouncement(campaignId);
    const { finishedAt } = await finishCampaign({ campaignId }, as);

    const stored = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, finishedAt: true, stages: { where: { kind: 'ANNOUNCEMENT' }, select: { endsAt: true } } } });
    expect(stored).toEqual({ status: 'FINISHED', finishedAt, stages: [{ endsAt: finishedAt }] });
    const [audit] = await audits(campaignId, 'finish-campaign');
    expect(audit).toMatchObject({ actorId: scope.cityAdmin.id, before: { status: 'PUBLISHED' }, after: { status: 'FINISHED' } });

    const [first] = scope.entries;
    const refused = [
      await rejection(finishCampaign({ campaignId }, as)),
      await rejection(cancelCampaign({ campaignId, reason: '结束后再撤销试试' }, as)),
      await rejection(openStageNow({ campaignId, kind: 'ANNOUNCEMENT' }, as)),
      await rejection(publishBrandList({ campaignId, reason: '结束后再发布一版' }, as)),
      await rejection(qualifyApplication({ applicationId: first.id, result: 'FAILED', checks: {}, reason: '结束后再审查一次' }, as)),
    ];
    expect(refused.map((error) => error.message)).toEqual([
      '活动已结束，不能结束活动',
      '活动已结束，不能撤销活动',
      '活动已结束，不能提前开始或结束阶段',
      '活动已结束，不能发布品牌清单',
      '活动已结束，不能资格审查',
    ]);
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { title: true, status: true } })).toMatchObject({ status: 'FINISHED', title: scope.campaign.title });

    const honor = await db.honor.findFirstOrThrow({ where: { campaignId }, select: { id: true } });
    await revokeHonor({ honorId: honor.id, reason: '经核查存在弄虚作假问题' }, as);
    expect(await db.honor.findUniqueOrThrow({ where: { id: honor.id }, select: { revokeReason: true } })).toEqual({ revokeReason: '经核查存在弄虚作假问题' });
    expect((await loadPublicCampaign(campaignId))?.campaign).toMatchObject({ status: 'FINISHED', finishedAt });
  });

  it('of five simultaneous requests, exactly one finishes the campaign and writes the audit row', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const campaignId = scope.campaign.id;
    await startAnnouncement(campaignId);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => finishCampaign({ campaignId }, context(scope.cityAdmin.id))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const reasons = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
    expect(reasons.map((reason) => reason.message)).toEqual(Array(4).fill('活动已结束，不能结束活动'));
    expect(await audits(campaignId, 'finish-campaign')).toHaveLength(1);
  });
});

describe('撤销活动', () => {
  it('cancels a running campaign with its reason: every operation stops, the public page says so', async () => {
    const scope = await createRecommendationScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    const as = context(scope.cityAdmin.id);
    expect(await rejection(cancelCampaign({ campaignId, reason: '太短' }, as))).toMatchObject({ code: 'INVALID_INPUT', message: '请写明撤销理由，至少 5 个字' });
    const stranger = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }] });
    expect((await rejection(cancelCampaign({ campaignId, reason: '不是本单位的活动' }, context(stranger.id)))).code).toBe('FORBIDDEN');
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true } })).toEqual({ status: 'PUBLISHED' });

    const reason = '上级通知本年度评选活动暂停，另行组织';
    const { cancelledAt } = await cancelCampaign({ campaignId, reason }, as);
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, cancelledAt: true, cancelReason: true } })).toEqual({ status: 'CANCELLED', cancelledAt, cancelReason: reason });
    const [audit] = await audits(campaignId, 'cancel-campaign');
    expect(audit).toMatchObject({ actorId: scope.cityAdmin.id, before: { status: 'PUBLISHED' }, after: { status: 'CANCELLED', reason } });

    const recommend = await rejection(recommendEntry({ applicationId: scope.entries[0].id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id)));
    expect({ code: recommend.code, message: recommend.message }).toEqual({ code: 'STAGE_LOCKED', message: '活动已撤销，不能推荐' });
    expect(await db.recommendation.count({ where: { campaignId } })).toBe(0);
    const branch = await createOrg({ parent: scope.committee });
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
    expect((await rejection(getOrCreateDraft({ campaignId, organizationId: branch.id }, context(secretary.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(publishCampaign({ campaignId }, as))).message).toBe('活动已撤销，不能发布活动');
    expect((await rejection(cancelCampaign({ campaignId, reason }, as))).message).toBe('活动已撤销，不能撤销活动');

    const page = await loadPublicCampaign(campaignId);
    expect(page?.campaign).toMatchObject({ status: 'CANCELLED', cancelledAt, cancelReason: reason });
    expect((await listPublicCampaigns()).campaigns.find((campaign) => campaign.id === campaignId)?.status).toBe('CANCELLED');
  });

  it('cancels a draft, which never becomes public', async () => {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id });
    await cancelCampaign({ campaignId: campaign.id, reason: '重复创建的草稿，撤销' }, context(scope.eastAdmin.id));
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { status: true, publishedAt: true } })).toEqual({ status: 'CANCELLED', publishedAt: null });
    expect(await loadPublicCampaign(campaign.id)).toBeNull();
    const setup = campaignToSetup((await getCampaignDetail(campaign.id))!);
    expect((await rejection(updateCampaign({ ...setup, title: '撤销后改个名字', id: campaign.id }, context(scope.eastAdmin.id)))).message).toBe('活动已撤销，不能修改活动设置');
    expect((await listPublicCampaigns()).campaigns.some((row) => row.id === campaign.id)).toBe(false);
  });
});
