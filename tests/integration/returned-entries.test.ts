import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { getApplicationForUser } from '@/lib/application/queries';
import { returnApplication, submitApplication } from '@/lib/application/service';
import { listedApplicationIds } from '@/lib/brand-list/listed';
import { getPublicBrandList, listBrandListVersions } from '@/lib/brand-list/queries';
import { publishBrandList } from '@/lib/brand-list/service';
import { checklistOf } from '@/lib/qualification/checklist';
import { qualifyApplication } from '@/lib/qualification/service';
import { addAssignment, previewAssignment } from '@/lib/review/assign-service';
import { loadReviewCampaign, loadReviewEntries } from '@/lib/review/pool';
import { loadRanking } from '@/lib/review/results';
import { listSheetsForExpert, saveScores } from '@/lib/review/scoring';
import { listVotingEntries, loadVotingCampaign, loadVotingEntry } from '@/lib/voting/queries';
import { rejection } from '../support/errors';
import { createReviewScope, createListedScope, openExpertReview } from '../support/reviews';
import { openQualification } from '../support/recommendations';
import { openVoting } from '../support/voting';

const context = (actorId: string) => ({ actorId, ip: '10.9.18.7' });

type TListedScope = Awaited<ReturnType<typeof createListedScope>>;

/** 资格审查 finds the first entry wanting after the 品牌清单 was published: it goes back to the branch. */
async function failFirst(scope: TListedScope) {
  const [returned] = scope.entries;
  await qualifyApplication({ applicationId: returned.id, result: 'FAILED', checks: {}, reason: '主要做法与成效缺少数据支撑' }, context(scope.cityAdmin.id));
  expect(await db.application.findUniqueOrThrow({ where: { id: returned.id }, select: { status: true } })).toEqual({ status: 'RETURNED' });
  return returned;
}

describe('a returned entry leaves the 品牌清单', () => {
  it('is off the public and admin list views at once, while the published version keeps its history', async () => {
    const scope = await createListedScope(3);
    const campaignId = scope.campaign.id;
    const returned = await failFirst(scope);
    const stay = scope.entries.slice(1).map((entry) => entry.id);

    expect([...(await listedApplicationIds(db, campaignId))].sort()).toEqual([...stay].sort());
    const latest = await getPublicBrandList(campaignId);
    expect(latest?.selected?.entries.map((entry) => entry.applicationId)).toEqual(stay);
    expect(latest?.selected?.leftCount).toBe(1);
    expect(latest?.selected?.byField.flatMap((group) => group.entries).some((entry) => entry.applicationId === returned.id)).toBe(false);
    expect(latest?.versions).toMatchObject([{ version: 1, entryCount: 3 }]);
    const [version] = await listBrandListVersions(campaignId);
    expect(version.left.map((entry) => entry.applicationId)).toEqual([returned.id]);
  });

  it('stays off after a resubmission until a new version lists it again', async () => {
    const scope = await createListedScope(2);
    const campaignId = scope.campaign.id;
    const returned = await failFirst(scope);
    const secretary = await db.roleAssignment.findFirstOrThrow({ where: { organizationId: returned.branchId, role: 'BRANCH_SECRETARY' }, select: { userId: true } });
    const { revision } = await db.application.findUniqueOrThrow({ where: { id: returned.id }, select: { revision: true } });
    await submitApplication({ applicationId: returned.id, revision, values: { ...scope.values, brandName: '重新申报的品牌' } }, context(secretary.userId));
    expect((await listedApplicationIds(db, campaignId)).has(returned.id)).toBe(false);

    await qualifyApplication({ applicationId: returned.id, result: 'PASSED', checks: await allChecks(campaignId) }, context(scope.cityAdmin.id));
    await publishBrandList({ campaignId, reason: '重新申报的品牌审查通过，增补' }, context(scope.cityAdmin.id));
    expect((await listedApplicationIds(db, campaignId)).has(returned.id)).toBe(true);
  });

  it('cannot be voted for: the vote list and the entry page leave it out', async () => {
    const scope = await createListedScope(2);
    const returned = await failFirst(scope);
    await openVoting(scope.campaign.id);
    const campaign = (await loadVotingCampaign(scope.campaign.id))!;
    const { entries } = await listVotingEntries(campaign, {});
    expect(entries.map((entry) => entry.applicationId)).toEqual([scope.entries[1].id]);
    expect(await loadVotingEntry(campaign, returned.id)).toBeNull();
    expect(await loadVotingEntry(campaign, scope.entries[1].id)).not.toBeNull();
  });

  it('is out of the review pool, the assignment, the ranking (and so the award proposal)', async () => {
    const scope = await createListedScope(3);
    const returned = await failFirst(scope);
    await openExpertReview(scope.campaign.id);
    const grants = await loadGrants(db, scope.cityAdmin.id);
    const campaign = await loadReviewCampaign(db, scope.campaign.id, grants);
    expect((await loadReviewEntries(db, campaign.id)).map((entry) => entry.id)).toEqual(scope.entries.slice(1).map((entry) => entry.id));
    expect((await loadRanking(campaign)).rows.map((row) => row.applicationId).sort()).toEqual(scope.entries.slice(1).map((entry) => entry.id).sort());
    const preview = await previewAssignment({ campaignId: campaign.id }, scope.cityAdmin.id);
    expect(preview.plan.add.some((row) => row.entryId === returned.id)).toBe(false);
  });

  it('drops its score sheets from the expert’s tasks and refuses scoring them', async () => {
    const scope = await createReviewScope({ entries: 2 });
    const [first, second] = scope.entries;
    for (const entry of scope.entries) {
      await addAssignment({ campaignId: scope.campaign.id, applicationId: entry.id, expertId: scope.westExpert.id, reason: '评审专家安排' }, context(scope.cityAdmin.id));
    }
    // 资格审查 reopened by its dates, the entry fails it, and the review runs on.
    await openQualification(scope.campaign.id);
    await failFirst(scope);
    await openExpertReview(scope.campaign.id);
    const sheets = await listSheetsForExpert(scope.westExpert.id);
    expect(sheets.map((sheet) => sheet.applicationId)).toEqual([second.id]);
    const sheetOf = (applicationId: string) => db.reviewAssignment.findFirstOrThrow({ where: { applicationId, expertId: scope.westExpert.id }, select: { id: true } });
    const criterion = await db.criterion.findFirstOrThrow({ where: { rubric: { campaignId: scope.campaign.id } }, select: { id: true } });
    const refused = await rejection(saveScores({ assignmentId: (await sheetOf(first.id)).id, scores: [{ criterionId: criterion.id, points: 10 }] }, context(scope.westExpert.id)));
    expect({ code: refused.code, message: refused.message }).toEqual({ code: 'CONFLICT', message: '该品牌已退回重新申报，不在品牌清单中，不能评分' });
    await saveScores({ assignmentId: (await sheetOf(second.id)).id, scores: [{ criterionId: criterion.id, points: 10 }] }, context(scope.westExpert.id));
    expect(await db.reviewScore.count({ where: { assignment: { expertId: scope.westExpert.id } } })).toBe(1);
  });

  it('every return path asks the same rule: the organization department cannot return a listed entry once 资格审查 is over', async () => {
    const scope = await createListedScope(1);
    const [entry] = scope.entries;
    await openExpertReview(scope.campaign.id);
    const refused = await rejection(returnApplication({ applicationId: entry.id, reason: '评审开始后再退回试试' }, context(scope.cityAdmin.id)));
    expect({ code: refused.code, message: refused.message }).toEqual({ code: 'STAGE_LOCKED', message: '资格审查已结束，该申报已进入评定环节，不能再退回重新申报' });
    const qualify = await rejection(qualifyApplication({ applicationId: entry.id, result: 'FAILED', checks: {}, reason: '评审开始后再不通过' }, context(scope.cityAdmin.id)));
    expect(qualify.code).toBe('STAGE_LOCKED');
    expect((await getApplicationForUser(entry.id, await loadGrants(db, scope.cityAdmin.id))).canReturn).toBe(false);
    expect((await listedApplicationIds(db, scope.campaign.id)).has(entry.id)).toBe(true);
  });
});

/** Every item of the campaign's checklist (the default list when the campaign has none of its own), ticked. */
async function allChecks(campaignId: string) {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { id: true, qualificationChecklist: true } });
  return Object.fromEntries(checklistOf(campaign).map((item) => [item, true]));
}
