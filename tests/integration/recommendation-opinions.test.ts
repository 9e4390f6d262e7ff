import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { loadGrants } from '@/lib/application/access';
import { renderApplicationPdf } from '@/lib/application/pdf';
import { loadApplicationPrintData } from '@/lib/application/print-data';
import { checklistOf } from '@/lib/qualification/checklist';
import { qualifyApplication } from '@/lib/qualification/service';
import { loadRecommendationLevel } from '@/lib/recommendation/queries';
import { recommendEntry, saveOpinion, saveRanking } from '@/lib/recommendation/service';
import { loadRecommendationTrail } from '@/lib/application/recommendation-trail';
import { createRecommendationScope, openQualification } from '../support/recommendations';
import { extractPdfText } from '../support/pdf-text';

const context = (actorId: string) => ({ actorId, ip: '10.9.6.7' });
const grantsOf = (userId: string) => loadGrants(db, userId);

const COMMITTEE_OPINION = '该支部品牌特色鲜明，群众认可度高，同意推荐。';
const DISTRICT_OPINION = '经区委研究，同意推荐至市委组织部。';

/** The 党工委 orders two entries (the second one first), writes its 推荐意见 and recommends both; the 区委 does the same for one. */
async function recommendedUpTheChain() {
  const scope = await createRecommendationScope({ entries: 2 });
  const [first, second] = scope.entries;
  // The organizer's name is whatever the organization record says.
  await db.organization.update({ where: { id: scope.city.id }, data: { name: '中共测试市委员会' } });
  const committee = context(scope.committeeAdmin.id);
  await saveRanking({ campaignId: scope.campaign.id, organizationId: scope.committee.id, order: [second.id, first.id] }, committee);
  await saveOpinion({ applicationId: first.id, organizationId: scope.committee.id, opinion: COMMITTEE_OPINION }, committee);
  for (const entry of [first, second]) await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, committee);
  const district = context(scope.districtAdmin.id);
  await saveOpinion({ applicationId: first.id, organizationId: scope.district.id, opinion: DISTRICT_OPINION }, district);
  await recommendEntry({ applicationId: first.id, organizationId: scope.district.id }, district);
  return scope;
}

describe('推荐意见 up the chain', () => {
  it('shows the 区委 the 党工委’s order, opinion and date for each entry', async () => {
    const scope = await recommendedUpTheChain();
    const [first, second] = scope.entries;
    const committeeRow = await db.recommendation.findUniqueOrThrow({ where: { applicationId_organizationId: { applicationId: first.id, organizationId: scope.committee.id } } });

    const level = (await loadRecommendationLevel(scope.campaign.id, scope.district.id, await grantsOf(scope.districtAdmin.id)))!;
    const byId = new Map(level.entries.map((entry) => [entry.id, entry]));
    expect(byId.get(first.id)!.below).toEqual([
      { organizationId: scope.committee.id, organizationName: scope.committee.name, decision: 'RECOMMENDED', rank: 2, opinion: COMMITTEE_OPINION, reason: null, decidedAt: committeeRow.decidedAt },
    ]);
    expect(byId.get(second.id)!.below).toMatchObject([{ organizationName: scope.committee.name, decision: 'RECOMMENDED', rank: 1, opinion: '' }]);
    // The 区委's own view of its decision stays separate from the level below.
    expect(byId.get(first.id)).toMatchObject({ decision: 'RECOMMENDED', opinion: DISTRICT_OPINION });

    // The 党工委 is the first level: nothing below it.
    const own = (await loadRecommendationLevel(scope.campaign.id, scope.committee.id, await grantsOf(scope.committeeAdmin.id)))!;
    expect(own.entries.every((entry) => entry.below.length === 0)).toBe(true);
  });

  it('gives staff every level in their own subtree: the organizing department all of them, a 党工委 its own, a sibling none', async () => {
    const scope = await recommendedUpTheChain();
    const [first] = scope.entries;
    const summary = (trail: Awaited<ReturnType<typeof loadRecommendationTrail>>) => trail?.map((level) => [level.organizationName, level.decision, level.opinion]);
    expect(summary(await loadRecommendationTrail(first.id, await grantsOf(scope.cityAdmin.id)))).toEqual([
      [scope.committee.name, 'RECOMMENDED', COMMITTEE_OPINION],
      [scope.district.name, 'RECOMMENDED', DISTRICT_OPINION],
    ]);
    expect(summary(await loadRecommendationTrail(first.id, await grantsOf(scope.committeeAdmin.id)))).toEqual([[scope.committee.name, 'RECOMMENDED', COMMITTEE_OPINION]]);
    expect(await loadRecommendationTrail(first.id, await grantsOf(scope.westAdmin.id))).toEqual([]);
    expect(await loadRecommendationTrail('missing-application')).toBeNull();
  });

  it('prints each level’s decision, order, opinion and date in its box, and the organizer’s 组织部 in the approval box', async () => {
    const scope = await recommendedUpTheChain();
    const [first] = scope.entries;
    await openQualification(scope.campaign.id);
    const checks = Object.fromEntries(checklistOf(await db.campaign.findUniqueOrThrow({ where: { id: scope.campaign.id } })).map((item) => [item, true]));
    await qualifyApplication({ applicationId: first.id, checks, result: 'PASSED' }, context(scope.cityAdmin.id));
    const rows = await db.recommendation.findMany({ where: { applicationId: first.id }, select: { organizationId: true, decidedAt: true } });
    const decidedOn = (organizationId: string) => formatDate(rows.find((row) => row.organizationId === organizationId)!.decidedAt);
    const qualification = await db.qualification.findUniqueOrThrow({ where: { applicationId: first.id } });

    const data = (await loadApplicationPrintData(first.id))!;
    expect(data.opinionBoxes).toEqual([
      { kind: 'RECOMMENDATION', title: `${scope.committee.name}推荐意见`, signer: scope.committee.name, decision: '推荐（本级排序第 2 位）', opinion: COMMITTEE_OPINION, date: expect.any(Date) },
      { kind: 'RECOMMENDATION', title: `${scope.district.name}推荐意见`, signer: scope.district.name, decision: '推荐', opinion: DISTRICT_OPINION, date: expect.any(Date) },
      { kind: 'APPROVAL', title: '中共测试市委员会组织部审核意见', signer: '中共测试市委员会组织部', decision: '资格审查通过', opinion: '', date: qualification.reviewedAt },
    ]);

    const text = extractPdfText(await renderApplicationPdf(data));
    for (const expected of [
      `${scope.committee.name}推荐意见`,
      '推荐决定：推荐（本级排序第 2 位）',
      COMMITTEE_OPINION,
      `日期：${decidedOn(scope.committee.id)}`,
      DISTRICT_OPINION,
      `日期：${decidedOn(scope.district.id)}`,
      '中共测试市委员会组织部审核意见',
      '审核结果：资格审查通过',
      `日期：${formatDate(qualification.reviewedAt)}`,
      '党组织书记',
    ]) {
      expect(text).toContain(expected);
    }
    // The approval box names the organizer from the database, never a fixed city committee.
    expect(text).not.toContain('中共示范市委员会');
  });

  it('leaves the date to be written by hand where a level has not decided yet', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const [entry] = scope.entries;
    await saveOpinion({ applicationId: entry.id, organizationId: scope.committee.id, opinion: '材料较完整，待会议研究。' }, context(scope.committeeAdmin.id));
    const data = (await loadApplicationPrintData(entry.id))!;
    expect(data.opinionBoxes.map((box) => [box.decision, box.opinion, box.date])).toEqual([
      ['', '材料较完整，待会议研究。', null],
      ['', '', null],
      ['', '', null],
    ]);
    const text = extractPdfText(await renderApplicationPdf(data));
    expect(text).toContain('材料较完整，待会议研究。');
    expect(text).toContain('日期：______年____月____日');
  });
});
