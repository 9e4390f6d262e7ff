import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { closeStageNow, updateCampaign } from '@/lib/campaign/service';
import { campaignToSetup } from '@/lib/campaign/setup-values';
import { toDateTimeLocal } from '@/lib/format';
import { AppError } from '@/lib/errors';
import { returnApplication, saveDraft, submitApplication } from '@/lib/application/service';
import { notRecommendEntry, recommendEntry, returnEntry, saveOpinion, saveRanking, undoDecision } from '@/lib/recommendation/service';
import { loadRecommendationLevel } from '@/lib/recommendation/queries';
import { loadGrants } from '@/lib/application/access';
import { closeLevel, closeRecommendation, createRecommendationScope } from '../support/recommendations';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.6.2' });
const grantsOf = (userId: string) => loadGrants(db, userId);


const recommendedAt = (campaignId: string, organizationId: string) => db.recommendation.count({ where: { campaignId, organizationId, decision: 'RECOMMENDED' } });

describe('recommendation quota', () => {
  it('holds exactly under 50 parallel requests, round after round', async () => {
    const scope = await createRecommendationScope({ entries: 12, defaultQuota: 5 });
    const admins = [scope.committeeAdmin.id, scope.committeeAdmin2.id];
    for (let round = 0; round < 20; round++) {
      const requests = Array.from({ length: 50 }, (_, index) =>
        recommendEntry({ applicationId: scope.entries[(index * 7 + round) % scope.entries.length].id, organizationId: scope.committee.id }, context(admins[index % 2])),
      );
      const outcomes = await Promise.allSettled(requests);
      const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const codes = new Set(outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as AppError).code] : [])));
      expect(fulfilled).toHaveLength(5);
      expect([...codes].every((code) => code === 'QUOTA_EXCEEDED' || code === 'CONFLICT')).toBe(true);
      expect(await recommendedAt(scope.campaign.id, scope.committee.id)).toBe(5);
      // Next round starts empty: withdraw every recommendation (each frees its place).
      const recommended = await db.recommendation.findMany({ where: { campaignId: scope.campaign.id, organizationId: scope.committee.id, decision: 'RECOMMENDED' }, select: { applicationId: true } });
      for (const row of recommended) await undoDecision({ applicationId: row.applicationId, organizationId: scope.committee.id }, context(scope.committeeAdmin.id));
      expect(await recommendedAt(scope.campaign.id, scope.committee.id)).toBe(0);
    }
    expect(await db.auditLog.count({ where: { action: 'recommend-entry', entityId: { in: scope.entries.map((entry) => entry.id) } } })).toBe(100);
  }, 180_000);

  it('refuses the sixth with a clear message, and a withdrawal frees a place', async () => {
    const scope = await createRecommendationScope({ entries: 6, defaultQuota: 5 });
    const as = context(scope.committeeAdmin.id);
    for (const entry of scope.entries.slice(0, 5)) await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, as);
    const refused = await rejection(recommendEntry({ applicationId: scope.entries[5].id, organizationId: scope.committee.id }, as));
    expect(refused.code).toBe('QUOTA_EXCEEDED');
    expect(refused.message).toContain('已推荐 5 / 5');
    await undoDecision({ applicationId: scope.entries[0].id, organizationId: scope.committee.id }, as);
    await expect(recommendEntry({ applicationId: scope.entries[5].id, organizationId: scope.committee.id }, as)).resolves.toEqual({ used: 5, limit: 5 });
  });

  it('uses the organization’s own quota row over the campaign default', async () => {
    const scope = await createRecommendationScope({ entries: 3, defaultQuota: 5 });
    await db.quota.create({ data: { campaignId: scope.campaign.id, organizationId: scope.committee.id, limit: 1 } });
    const as = context(scope.committeeAdmin.id);
    await recommendEntry({ applicationId: scope.entries[0].id, organizationId: scope.committee.id }, as);
    expect((await rejection(recommendEntry({ applicationId: scope.entries[1].id, organizationId: scope.committee.id }, as))).message).toContain('已推荐 1 / 1');
  });
});

describe('levels and scope', () => {
  it('rises level by level: the district sees it only after the committee recommends, and the committee cannot withdraw once the district decided', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const [entry] = scope.entries;
    expect((await rejection(recommendEntry({ applicationId: entry.id, organizationId: scope.district.id }, context(scope.districtAdmin.id)))).code).toBe('CONFLICT');
    await saveOpinion({ applicationId: entry.id, organizationId: scope.committee.id, opinion: '该品牌特色鲜明，同意推荐' }, context(scope.committeeAdmin.id));
    await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id));
    await recommendEntry({ applicationId: entry.id, organizationId: scope.district.id }, context(scope.districtAdmin.id));
    const undo = await rejection(undoDecision({ applicationId: entry.id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id)));
    expect(undo).toMatchObject({ code: 'CONFLICT', message: '上级已处理该申报，不能撤回' });
    const rows = await db.recommendation.findMany({ where: { applicationId: entry.id }, select: { organizationId: true, decision: true, opinion: true } });
    expect(rows).toEqual(expect.arrayContaining([
      { organizationId: scope.committee.id, decision: 'RECOMMENDED', opinion: '该品牌特色鲜明，同意推荐' },
      { organizationId: scope.district.id, decision: 'RECOMMENDED', opinion: '' },
    ]));
  });

  it('hides entries outside the committee’s subtree, and refuses staff who do not act for the level', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const [entry] = scope.entries;
    const outside = await rejection(recommendEntry({ applicationId: entry.id, organizationId: scope.westCommittee.id }, context(scope.westAdmin.id)));
    expect(outside.code).toBe('NOT_FOUND');
    const impostor = await rejection(recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, context(scope.westAdmin.id)));
    expect(impostor.code).toBe('NOT_FOUND');
    // The district's staff may not act for the committee below it either.
    expect((await rejection(recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, context(scope.districtAdmin.id)))).code).toBe('NOT_FOUND');
    expect(await db.recommendation.count({ where: { applicationId: entry.id } })).toBe(0);
  });

  it('refuses every change after the recommendation deadline, by database time', async () => {
    const scope = await createRecommendationScope({ entries: 2 });
    await recommendEntry({ applicationId: scope.entries[0].id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id));
    await closeRecommendation(scope.campaign.id);
    const as = context(scope.committeeAdmin.id);
    const at = { organizationId: scope.committee.id };
    const attempts = [
      () => recommendEntry({ applicationId: scope.entries[1].id, ...at }, as),
      () => undoDecision({ applicationId: scope.entries[0].id, ...at }, as),
      () => notRecommendEntry({ applicationId: scope.entries[1].id, ...at, reason: '材料不够充分具体' }, as),
      () => saveRanking({ campaignId: scope.campaign.id, ...at, order: [scope.entries[1].id, scope.entries[0].id] }, as),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe('STAGE_LOCKED');
    expect(await recommendedAt(scope.campaign.id, scope.committee.id)).toBe(1);
  });

  it('closes a level at its own deadline while the level above still decides, by database time', async () => {
    const scope = await createRecommendationScope({ entries: 2 });
    const atCommittee = { organizationId: scope.committee.id };
    const as = context(scope.committeeAdmin.id);
    await recommendEntry({ applicationId: scope.entries[0].id, ...atCommittee }, as);
    await closeLevel(scope.campaign.id, scope.committee.depth);
    const attempts = [
      () => recommendEntry({ applicationId: scope.entries[1].id, ...atCommittee }, as),
      () => undoDecision({ applicationId: scope.entries[0].id, ...atCommittee }, as),
      () => saveOpinion({ applicationId: scope.entries[1].id, ...atCommittee, opinion: '晚了' }, as),
      () => saveRanking({ campaignId: scope.campaign.id, ...atCommittee, order: [scope.entries[0].id, scope.entries[1].id] }, as),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt());
      expect(error.code).toBe('STAGE_LOCKED');
      expect(error.message).toMatch(/^本级推荐已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 截止/);
    }
    expect(await recommendedAt(scope.campaign.id, scope.committee.id)).toBe(1);
    // The district's own window runs on: it decides on what the committee sent up in time.
    await recommendEntry({ applicationId: scope.entries[0].id, organizationId: scope.district.id }, context(scope.districtAdmin.id));
    expect(await recommendedAt(scope.campaign.id, scope.district.id)).toBe(1);
    const committeeView = await loadRecommendationLevel(scope.campaign.id, scope.committee.id, await grantsOf(scope.committeeAdmin.id));
    const districtView = await loadRecommendationLevel(scope.campaign.id, scope.district.id, await grantsOf(scope.districtAdmin.id));
    expect(committeeView).toMatchObject({ stage: 'closed', hasOwnDeadline: true });
    expect(districtView).toMatchObject({ stage: 'open', hasOwnDeadline: false });
  });

  it('the organization department sets and extends a level’s deadline while recommendation runs, but cannot move a passed one; 提前结束 closes every level', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    // Recommendation began two hours ago, so a deadline that has just passed lies well inside it.
    await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '2 hours' WHERE campaign_id = ${scope.campaign.id} AND kind = 'DECLARATION'`;
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 hours' WHERE campaign_id = ${scope.campaign.id} AND kind = 'RECOMMENDATION'`;
    const as = context(scope.cityAdmin.id);
    const stored = async () => campaignToSetup((await getCampaignDetail(scope.campaign.id))!);
    const inHours = async (hours: number) => toDateTimeLocal(new Date((await dbNow()).getTime() + hours * 3_600_000));
    const setup = await stored();
    setup.quotas.levelDeadlines = [{ depth: scope.committee.depth, endsAt: await inHours(2) }];
    expect((await updateCampaign({ ...setup, id: scope.campaign.id }, as)).changedGroups).toEqual(['levelDeadlines']);
    const extended = await stored();
    extended.quotas.levelDeadlines = [{ depth: scope.committee.depth, endsAt: await inHours(4) }];
    await updateCampaign({ ...extended, id: scope.campaign.id }, as);
    expect((await stored()).quotas.levelDeadlines).toEqual(extended.quotas.levelDeadlines);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: scope.campaign.id, action: 'update-campaign' }, orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ levelDeadlines: extended.quotas.levelDeadlines });

    await closeLevel(scope.campaign.id, scope.committee.depth);
    const reopened = await stored();
    reopened.quotas.levelDeadlines = [{ depth: scope.committee.depth, endsAt: await inHours(6) }];
    const error = await rejection(updateCampaign({ ...reopened, id: scope.campaign.id }, as));
    expect(error.code).toBe('STAGE_LOCKED');
    expect(error.fieldErrors).toEqual({ 'quotas.levelDeadlines.0.endsAt': expect.stringMatching(/^第 \d+ 层的推荐已于 .+ 截止，截止时间不能再修改$/) });

    // A later level keeps its deadline until 提前结束 of the stage pulls it in.
    const districtDeadline = await stored();
    districtDeadline.quotas.levelDeadlines.push({ depth: scope.district.depth, endsAt: await inHours(8) });
    await updateCampaign({ ...districtDeadline, id: scope.campaign.id }, as);
    const { now } = await closeStageNow({ campaignId: scope.campaign.id, kind: 'RECOMMENDATION' }, as);
    const district = await db.recommendationDeadline.findUniqueOrThrow({ where: { campaignId_depth: { campaignId: scope.campaign.id, depth: scope.district.depth } } });
    expect(district.endsAt).toEqual(now);
  });

  it('a returned entry is resubmitted during recommendation and comes back up from the bottom, its place freed', async () => {
    const scope = await createRecommendationScope({ entries: 1, defaultQuota: 1 });
    const [entry] = scope.entries;
    await notRecommendEntry({ applicationId: entry.id, organizationId: scope.committee.id, reason: '主要做法缺少具体数据' }, context(scope.committeeAdmin.id));
    await returnEntry({ applicationId: entry.id, organizationId: scope.committee.id, reason: '请补充主要做法的具体数据' }, context(scope.committeeAdmin.id));
    const returned = await db.application.findUniqueOrThrow({ where: { id: entry.id }, select: { status: true, revision: true, returnReason: true } });
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '请补充主要做法的具体数据' });
    expect(await db.recommendation.count({ where: { applicationId: entry.id } })).toBe(0);

    const revised = { ...scope.values, brandName: `重报${entry.id.slice(-4)}`, practices: '补充：全年服务群众 300 人次' };
    const saved = await saveDraft({ applicationId: entry.id, revision: returned.revision, values: revised }, context(entry.secretaryId));
    await submitApplication({ applicationId: entry.id, revision: saved.revision, values: revised }, context(entry.secretaryId));
    await expect(recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id))).resolves.toEqual({ used: 1, limit: 1 });
  });

  it('the old return path is limited to the level the entry stands at', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const [entry] = scope.entries;
    await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id));
    const refused = await rejection(returnApplication({ applicationId: entry.id, reason: '想再退回修改一下' }, context(scope.committeeAdmin.id)));
    expect(refused.code).toBe('CONFLICT');
    await returnApplication({ applicationId: entry.id, reason: '区委要求补充材料' }, context(scope.districtAdmin.id));
    expect(await db.recommendation.count({ where: { applicationId: entry.id } })).toBe(0);
  });

  it('ranks only the entries at the level, and refuses a stale order', async () => {
    const scope = await createRecommendationScope({ entries: 3 });
    const ids = scope.entries.map((entry) => entry.id);
    const at = { campaignId: scope.campaign.id, organizationId: scope.committee.id };
    await saveRanking({ ...at, order: [ids[2], ids[0], ids[1]] }, context(scope.committeeAdmin.id));
    const ranks = await db.recommendation.findMany({ where: { organizationId: scope.committee.id, applicationId: { in: ids } }, select: { applicationId: true, rank: true } });
    expect(Object.fromEntries(ranks.map((row) => [row.applicationId, row.rank]))).toEqual({ [ids[2]]: 1, [ids[0]]: 2, [ids[1]]: 3 });
    expect((await rejection(saveRanking({ ...at, order: [ids[0], 'unknown-id'] }, context(scope.committeeAdmin.id)))).code).toBe('CONFLICT');
    expect((await rejection(saveRanking({ ...at, order: [ids[0], ids[0]] }, context(scope.committeeAdmin.id)))).code).toBe('INVALID_INPUT');
  });
});
