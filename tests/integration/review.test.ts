import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { addAssignment, commitAssignment, previewAssignment, removeAssignment, startDisputeRound } from '@/lib/review/assign-service';
import { declareConflict, getSheetForExpert, reopenSheet, saveScores, submitSheet } from '@/lib/review/scoring';
import { loadExpertScoreSummary } from '@/lib/review/expert-summary';
import { canReadFile, downloadName } from '@/lib/files/access';
import { loadGrants } from '@/lib/application/access';
import { createDecision, saveDecisionDraft, signDecision } from '@/lib/review/decisions';
import { getDecision, loadAwardProposal } from '@/lib/review/decision-queries';
import { decisionContent } from '@/lib/documents/kinds/decision';
import { renderDocumentPdf } from '@/lib/documents/render-pdf';
import { buildReviewWorkbook, renderReviewPdf } from '@/lib/review/export';
import { extractPdfText } from '../support/pdf-text';
import { loadReviewCampaign } from '@/lib/review/pool';
import { loadRanking } from '@/lib/review/results';
import { saveExpertProfile, savePanel } from '@/lib/review/experts';
import { createUser } from '../support/factories';
import { insertVotes } from '../support/voting';
import { closeExpertReview, createReviewScope, openStage } from '../support/reviews';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.7.1' });

async function criteriaOf(campaignId: string) {
  const rubric = await db.rubric.findUniqueOrThrow({ where: { campaignId }, select: { criteria: { select: { id: true, maxPoints: true }, orderBy: { sortOrder: 'asc' } } } });
  return rubric.criteria;
}

async function assignedSheet(scope: Awaited<ReturnType<typeof createReviewScope>>, expertId: string, applicationId: string) {
  return db.reviewAssignment.findUniqueOrThrow({ where: { applicationId_expertId_round: { applicationId, expertId, round: 1 } }, select: { id: true } });
}

describe('assignment', () => {
  it('commits exactly the previewed plan: no conflicted expert, shortfalls reported, audited', async () => {
    const scope = await createReviewScope({ entries: 4, extraExperts: 2, expertsPerEntry: 5 });
    const preview = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id, 42);
    // Five experts exist, the committee's own conflicts with every entry: four each, all short of five.
    expect(preview.plan.add.some((row) => row.expertId === scope.committeeExpert.id)).toBe(false);
    expect(preview.plan.shortfalls).toHaveLength(4);
    expect(preview.plan.shortfalls.every((row) => row.have === 4 && row.wanted === 5)).toBe(true);
    await commitAssignment({ campaignId: scope.campaign.id, seed: preview.seed, fingerprint: preview.fingerprint }, context(scope.cityAdmin.id));
    const rows = await db.reviewAssignment.findMany({ where: { campaignId: scope.campaign.id }, select: { applicationId: true, expertId: true } });
    expect(rows.map((row) => `${row.applicationId}:${row.expertId}`).sort()).toEqual(preview.plan.add.map((row) => `${row.entryId}:${row.expertId}`).sort());
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: scope.campaign.id, action: 'assign-experts' } });
    expect(audit.after).toMatchObject({ count: 16, seed: 42 });
  });

  it('refuses a commit whose plan changed since the preview, and a manual add of a conflicted expert', async () => {
    const scope = await createReviewScope({ entries: 2, extraExperts: 1, expertsPerEntry: 2 });
    const preview = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id, 7);
    await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.cityExpert.id, reason: '熟悉该领域，补充评审' }, context(scope.cityAdmin.id));
    const stale = await rejection(commitAssignment({ campaignId: scope.campaign.id, seed: preview.seed, fingerprint: preview.fingerprint }, context(scope.cityAdmin.id)));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: '专家或分配情况在预览后发生了变化，请重新预览后再确认' });
    const conflicted = await rejection(
      addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.committeeExpert.id, reason: '临时补充一位专家' }, context(scope.cityAdmin.id)),
    );
    expect(conflicted).toMatchObject({ code: 'CONFLICT', message: '不能分配：专家所在单位是申报单位的上级党组织，应当回避' });
    expect(await db.reviewAssignment.count({ where: { campaignId: scope.campaign.id } })).toBe(1);
  });

  it('an expert who declares a conflict leaves the entry and cannot be assigned to it again', async () => {
    const scope = await createReviewScope({ entries: 1 });
    const added = await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, reason: '补充评审专家' }, context(scope.cityAdmin.id));
    await declareConflict({ assignmentId: added.id, reason: '曾参与该品牌的创建指导' }, context(scope.westExpert.id));
    expect(await db.reviewAssignment.count({ where: { id: added.id } })).toBe(0);
    const again = await rejection(addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, reason: '再次补充评审专家' }, context(scope.cityAdmin.id)));
    expect(again.message).toBe('不能分配：专家已声明回避，应当回避');
    const preview = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id);
    expect(preview.plan.add.some((row) => row.expertId === scope.westExpert.id)).toBe(false);
  });

  it('is for the organizer’s staff only', async () => {
    const scope = await createReviewScope({ entries: 1 });
    expect((await rejection(previewAssignment({ campaignId: scope.campaign.id }, scope.committeeAdmin.id))).code).toBe('FORBIDDEN');
    const preview = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id);
    expect((await rejection(commitAssignment({ campaignId: scope.campaign.id, seed: preview.seed, fingerprint: preview.fingerprint }, context(scope.districtAdmin.id)))).code).toBe('FORBIDDEN');
  });
});

describe('scoring', () => {
  async function scopeWithSheets() {
    const scope = await createReviewScope({ entries: 2 });
    const reason = '评审专家安排';
    await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, reason }, context(scope.cityAdmin.id));
    await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[1].id, expertId: scope.cityExpert.id, reason }, context(scope.cityAdmin.id));
    const mine = await assignedSheet(scope, scope.westExpert.id, scope.entries[0].id);
    const theirs = await assignedSheet(scope, scope.cityExpert.id, scope.entries[1].id);
    return { scope, mine, theirs, criteria: await criteriaOf(scope.campaign.id) };
  }

  it('an expert can neither read nor score a sheet assigned to someone else (IDOR)', async () => {
    const { scope, theirs, criteria } = await scopeWithSheets();
    expect((await rejection(getSheetForExpert(theirs.id, scope.westExpert.id))).code).toBe('NOT_FOUND');
    const attempt = await rejection(saveScores({ assignmentId: theirs.id, scores: [{ criterionId: criteria[0].id, points: 1 }] }, context(scope.westExpert.id)));
    expect(attempt).toMatchObject({ code: 'NOT_FOUND', message: '评分表不存在或未分配给您' });
    expect((await rejection(submitSheet({ assignmentId: theirs.id }, context(scope.westExpert.id)))).code).toBe('NOT_FOUND');
    // Someone with no expert role at all fares no better.
    const outsider = await createUser();
    expect((await rejection(getSheetForExpert(theirs.id, outsider.id))).code).toBe('NOT_FOUND');
    expect(await db.reviewScore.count({ where: { assignmentId: theirs.id } })).toBe(0);
  });

  it('the same score saved in parallel stays one row', async () => {
    const { scope, mine, criteria } = await scopeWithSheets();
    const saves = Array.from({ length: 20 }, (_, index) =>
      saveScores({ assignmentId: mine.id, scores: [{ criterionId: criteria[0].id, points: 10 + (index % 5) }] }, context(scope.westExpert.id)),
    );
    const outcomes = await Promise.allSettled(saves);
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    const rows = await db.reviewScore.findMany({ where: { assignmentId: mine.id } });
    expect(rows).toHaveLength(1);
    expect([10, 11, 12, 13, 14]).toContain(Number(rows[0].points));
  });

  it('submits only a complete sheet with comments under the threshold; then it is locked until staff reopen it', async () => {
    const { scope, mine, criteria } = await scopeWithSheets();
    const as = context(scope.westExpert.id);
    const over = await rejection(saveScores({ assignmentId: mine.id, scores: [{ criterionId: criteria[0].id, points: criteria[0].maxPoints + 1 }] }, as));
    expect(over.code).toBe('INVALID_INPUT');
    // Low on the first criterion (below 60 %) without a comment: refused with the place to fix.
    await saveScores({ assignmentId: mine.id, scores: criteria.map((criterion, index) => ({ criterionId: criterion.id, points: index === 0 ? 5 : criterion.maxPoints - 2 })) }, as);
    const incomplete = await rejection(submitSheet({ assignmentId: mine.id }, as));
    expect(incomplete.code).toBe('INVALID_INPUT');
    expect(incomplete.fieldErrors).toEqual({ 'scores.0.comment': expect.stringContaining('请写明评语') });
    await saveScores({ assignmentId: mine.id, scores: [{ criterionId: criteria[0].id, points: 5, comment: '载体建设薄弱，缺少固定阵地' }] }, as);
    const submitted = await submitSheet({ assignmentId: mine.id }, as);
    expect(submitted.total).toBe(5 + criteria.slice(1).reduce((sum, criterion) => sum + criterion.maxPoints - 2, 0));

    const locked = await rejection(saveScores({ assignmentId: mine.id, scores: [{ criterionId: criteria[0].id, points: 18 }] }, as));
    expect(locked).toMatchObject({ code: 'CONFLICT', message: '评分表已提交，不能再修改；如需更正，请联系组织部重新开放' });
    expect((await rejection(removeAssignment({ assignmentId: mine.id, reason: '专家临时有事' }, context(scope.cityAdmin.id)))).code).toBe('CONFLICT');

    expect((await rejection(reopenSheet({ assignmentId: mine.id, reason: '专家申请更正笔误' }, context(scope.westExpert.id)))).code).toBe('FORBIDDEN');
    await reopenSheet({ assignmentId: mine.id, reason: '专家申请更正笔误' }, context(scope.cityAdmin.id));
    await saveScores({ assignmentId: mine.id, scores: [{ criterionId: criteria[0].id, points: 15 }] }, as);
    expect(Number((await db.reviewScore.findUniqueOrThrow({ where: { assignmentId_criterionId: { assignmentId: mine.id, criterionId: criteria[0].id } } })).points)).toBe(15);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: mine.id, action: 'reopen-review-sheet' } });
    expect(audit.after).toMatchObject({ reason: '专家申请更正笔误' });
  });

  it('hides the organization and names in a blind review, and closes at the deadline by database time', async () => {
    const { scope, mine, criteria } = await scopeWithSheets();
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { blindReview: true } });
    const sheet = await getSheetForExpert(mine.id, scope.westExpert.id);
    expect(sheet.entry.organizationName).toBeNull();
    expect(sheet.entry.secretaryName).toBeNull();
    expect(sheet.isEditable).toBe(true);
    await closeExpertReview(scope.campaign.id);
    const late = await rejection(saveScores({ assignmentId: mine.id, scores: [{ criterionId: criteria[0].id, points: 10 }] }, context(scope.westExpert.id)));
    expect(late).toMatchObject({ code: 'STAGE_LOCKED', message: '专家评审阶段已结束，不能评分' });
    // Staff cannot reopen a sheet once the review is over: it could not be submitted again.
    expect((await rejection(reopenSheet({ assignmentId: mine.id, reason: '评分有误需更正' }, context(scope.cityAdmin.id)))).message).toBe('专家评审阶段已结束，不能重新开放评分表');
  });
});

describe('what the expert reads', () => {
  async function storedFile(kind: 'IMAGE' | 'DOCUMENT', originalName: string) {
    const key = `review-test/${Date.now()}-${Math.random().toString(36).slice(2)}`;
    return db.storedFile.create({ data: { kind, storageKey: key, mimeType: kind === 'IMAGE' ? 'image/jpeg' : 'application/pdf', size: 2048, sha256: 'x', originalName } });
  }

  async function scopeWithMaterials() {
    const scope = await createReviewScope({ entries: 2 });
    await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, reason: '评审专家安排' }, context(scope.cityAdmin.id));
    const mine = await assignedSheet(scope, scope.westExpert.id, scope.entries[0].id);
    const branch = await db.organization.update({ where: { id: scope.entries[0].branchId }, data: { name: '中共示范市红星社区党支部', shortName: '红星社区' } });
    const criteria = await criteriaOf(scope.campaign.id);
    const photo = await storedFile('IMAGE', 'IMG_0001.jpg');
    const document = await storedFile('DOCUMENT', '红星社区党支部获奖证书.pdf');
    const otherDocument = await storedFile('DOCUMENT', '其他品牌的证明.pdf');
    await db.application.update({
      where: { id: scope.entries[0].id },
      data: {
        practices: '红星社区党支部组织党员开展网格服务',
        selfAssessment: { [criteria[0].id]: '红星社区已建成固定阵地', [criteria[1].id]: '有制度规范' },
        attachments: {
          create: [
            { fileId: photo.id, slot: 'PHOTO', sortOrder: 0, caption: '红星社区党员志愿服务' },
            { fileId: document.id, slot: 'DOCUMENT', sortOrder: 1, caption: '' },
          ],
        },
      },
    });
    await db.applicationAttachment.create({ data: { applicationId: scope.entries[1].id, fileId: otherDocument.id, slot: 'DOCUMENT' } });
    return { scope, mine, branch, criteria, photo, document, otherDocument };
  }

  it('shows photos, 证明材料 and the 自评 beside each criterion; a blind review takes the unit’s names out of all of it', async () => {
    const { scope, mine, photo, document } = await scopeWithMaterials();
    const open = await getSheetForExpert(mine.id, scope.westExpert.id);
    expect(open.entry.photos).toEqual([{ id: photo.id, width: null, height: null, label: '红星社区党员志愿服务' }]);
    expect(open.entry.documents).toEqual([expect.objectContaining({ id: document.id, typeLabel: 'PDF', label: '红星社区党支部获奖证书.pdf' })]);
    expect(open.criteria[0].selfAssessment).toBe('红星社区已建成固定阵地');
    expect(open.criteria[1].selfAssessment).toBe('有制度规范');

    await db.campaign.update({ where: { id: scope.campaign.id }, data: { blindReview: true } });
    const blind = await getSheetForExpert(mine.id, scope.westExpert.id);
    expect(blind.entry.organizationName).toBeNull();
    expect(blind.entry.practices).toBe('××党支部组织党员开展网格服务');
    expect(blind.entry.photos[0].label).toBe('××党员志愿服务');
    expect(blind.entry.documents[0].label).toBe('证明材料 1');
    expect(blind.criteria[0].selfAssessment).toBe('××已建成固定阵地');
    expect(JSON.stringify(blind)).not.toContain('红星社区');
  });

  it('the file route lets an expert read the files of the entries assigned to them, nothing else, without names when blind', async () => {
    const { scope, document, otherDocument } = await scopeWithMaterials();
    const reader = async (id: string) => ({
      id,
      roles: (await db.roleAssignment.findMany({ where: { userId: id }, include: { organization: true } })).map((grant) => ({
        role: grant.role,
        organizationId: grant.organizationId,
        organizationName: grant.organization.name,
        organizationPath: grant.organization.path,
      })),
    });
    const assigned = await reader(scope.westExpert.id);
    expect(await canReadFile(assigned, document.id)).toBe('private');
    // Another entry's 证明材料, and experts not assigned to this entry, are refused.
    expect(await canReadFile(assigned, otherDocument.id)).toBe(false);
    expect(await canReadFile(await reader(scope.cityExpert.id), document.id)).toBe(false);
    expect(await canReadFile(await reader(scope.committeeExpert.id), document.id)).toBe(false);
    expect(await canReadFile(null, document.id)).toBe(false);

    await db.campaign.update({ where: { id: scope.campaign.id }, data: { blindReview: true } });
    const access = await canReadFile(assigned, document.id);
    expect(access).toBe('blind');
    expect(downloadName(access as 'blind', document)).toBe('证明材料');
    // An expert whose sheet is removed loses the file with it.
    await db.reviewAssignment.deleteMany({ where: { expertId: scope.westExpert.id } });
    expect(await canReadFile(assigned, document.id)).toBe(false);
  });

  it('sums up the expert’s own scores per entry: per criterion, total, state and the mean of submitted sheets', async () => {
    const scope = await createReviewScope({ entries: 3 });
    const reason = '评审专家安排';
    for (const entry of scope.entries.slice(0, 2)) await addAssignment({ campaignId: scope.campaign.id, applicationId: entry.id, expertId: scope.westExpert.id, reason }, context(scope.cityAdmin.id));
    await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[2].id, expertId: scope.cityExpert.id, reason }, context(scope.cityAdmin.id));
    const criteria = await criteriaOf(scope.campaign.id);
    const first = await assignedSheet(scope, scope.westExpert.id, scope.entries[0].id);
    const second = await assignedSheet(scope, scope.westExpert.id, scope.entries[1].id);
    const theirs = await assignedSheet(scope, scope.cityExpert.id, scope.entries[2].id);
    const as = context(scope.westExpert.id);
    const full = criteria.map((criterion, index) => ({ criterionId: criterion.id, points: criterion.maxPoints - index * 0.5 }));
    await saveScores({ assignmentId: first.id, scores: full }, as);
    await submitSheet({ assignmentId: first.id }, as);
    await saveScores({ assignmentId: second.id, scores: [{ criterionId: criteria[1].id, points: 12.5 }] }, as);
    await saveScores({ assignmentId: theirs.id, scores: [{ criterionId: criteria[0].id, points: 3, comment: '较弱' }] }, context(scope.cityExpert.id));

    const [summary] = await loadExpertScoreSummary(scope.westExpert.id);
    const firstTotal = criteria.reduce((sum, criterion, index) => sum + criterion.maxPoints - index * 0.5, 0);
    expect(summary.campaign.id).toBe(scope.campaign.id);
    expect(summary.criteria.map((criterion) => criterion.id)).toEqual(criteria.map((criterion) => criterion.id));
    expect(summary.maxTotal).toBe(criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0));
    expect(summary.rows.map((row) => row.assignmentId)).toEqual([first.id, second.id]);
    expect(summary.rows[0]).toMatchObject({ points: full.map((score) => score.points), total: firstTotal, scored: criteria.length, status: 'submitted' });
    expect(summary.rows[1]).toMatchObject({ points: criteria.map((_, index) => (index === 1 ? 12.5 : null)), total: 12.5, scored: 1, status: 'scoring' });
    expect(summary).toMatchObject({ submittedCount: 1, submittedMean: firstTotal });

    await closeExpertReview(scope.campaign.id);
    const [closed] = await loadExpertScoreSummary(scope.westExpert.id);
    expect(closed.rows.map((row) => row.status)).toEqual(['submitted', 'closed']);
  });
});

describe('expert pool', () => {
  it('panels decide who reviews; profiles are kept by the admins who manage the expert', async () => {
    const scope = await createReviewScope({ entries: 1 });
    const admin = context(scope.cityAdmin.id);
    const before = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id, 1);
    expect(before.experts.map((expert) => expert.id).sort()).toEqual([scope.committeeExpert.id, scope.westExpert.id, scope.cityExpert.id].sort());
    const fieldId = (await db.campaignField.findFirstOrThrow({ where: { campaignId: scope.campaign.id }, select: { id: true } })).id;
    await savePanel({ campaignId: scope.campaign.id, panelId: null, name: '农村组', fieldId, memberIds: [scope.westExpert.id] }, admin);
    const after = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id, 1);
    expect(after.experts.map((expert) => expert.id)).toEqual([scope.westExpert.id]);
    expect(after.experts[0].fieldIds).toContain(fieldId);
    const duplicate = await rejection(savePanel({ campaignId: scope.campaign.id, panelId: null, name: '农村组', fieldId: null, memberIds: [] }, admin));
    expect(duplicate.fieldErrors).toEqual({ name: '已有同名的专家组' });

    await saveExpertProfile({ userId: scope.westExpert.id, homeOrganizationId: scope.westDistrict.id, expertise: ['COMMUNITY'], title: '处长', workUnit: '西区组织部', note: '' }, admin);
    expect((await db.expertProfile.findUniqueOrThrow({ where: { userId: scope.westExpert.id } })).expertise).toEqual(['COMMUNITY']);
    // The experts were appointed by the city: a district's committee admin and an admin of another tree cannot touch them.
    const outsider = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }] });
    const refused = await rejection(saveExpertProfile({ userId: scope.westExpert.id, homeOrganizationId: null, expertise: [], title: '', workUnit: '', note: '' }, context(outsider.id)));
    expect(refused.code).toBe('NOT_FOUND');
  });
});

describe('复议', () => {
  it('a new round with the same experts replaces the first once all its sheets are in, not sheet by sheet', async () => {
    const scope = await createReviewScope({ entries: 1 });
    const admin = context(scope.cityAdmin.id);
    const criteria = await criteriaOf(scope.campaign.id);
    const entryId = scope.entries[0].id;
    const score = async (expertId: string, round: number, each: number) => {
      const sheet = await db.reviewAssignment.findUniqueOrThrow({ where: { applicationId_expertId_round: { applicationId: entryId, expertId, round } }, select: { id: true } });
      await saveScores({ assignmentId: sheet.id, scores: criteria.map((criterion) => ({ criterionId: criterion.id, points: Math.min(each, criterion.maxPoints), comment: '评分说明' })) }, context(expertId));
      await submitSheet({ assignmentId: sheet.id }, context(expertId));
    };
    for (const expert of [scope.westExpert, scope.cityExpert]) {
      await addAssignment({ campaignId: scope.campaign.id, applicationId: entryId, expertId: expert.id, reason: '安排评审专家' }, admin);
    }
    await score(scope.westExpert.id, 1, 20);
    expect((await rejection(startDisputeRound({ campaignId: scope.campaign.id, applicationId: entryId, reason: '专家分歧较大' }, admin))).message).toBe('第 1 轮还有专家未提交评分，请等全部提交后再发起复议');
    await score(scope.cityExpert.id, 1, 4);
    const campaign = await loadReviewCampaign(db, scope.campaign.id, await loadGrants(db, scope.cityAdmin.id));
    const first = (await loadRanking(campaign)).rows[0];
    expect(first).toMatchObject({ round: 1, spread: 80, isDisputed: true, expertScore: 60 });

    expect(await startDisputeRound({ campaignId: scope.campaign.id, applicationId: entryId, reason: '专家分歧较大' }, admin)).toEqual({ round: 2, count: 2 });
    expect((await loadRanking(campaign)).rows[0].round).toBe(1);
    await score(scope.westExpert.id, 2, 16);
    // One 复议 sheet in: it does not stand in for the panel; round 1 counts until the 复议 is complete.
    expect((await loadRanking(campaign)).rows[0]).toMatchObject({ round: 1, expertScore: 60, pending: { round: 2, assigned: 2, submitted: 1 } });
    await score(scope.cityExpert.id, 2, 14);
    expect((await loadRanking(campaign)).rows[0]).toMatchObject({ round: 2, expertScore: 75, isDisputed: false });
  });
});

describe('decisions', () => {
  it('a signed decision and its items cannot be changed or deleted, not even by SQL', async () => {
    const scope = await createReviewScope({ entries: 1 });
    const decision = await db.decision.create({
      data: { campaignId: scope.campaign.id, kind: 'PRELIMINARY', version: 1, meetingDate: new Date('2026-11-20'), attendees: '部长、副部长', items: { create: [{ applicationId: scope.entries[0].id, rank: 1, score: 88.5 }] } },
    });
    await db.decision.update({ where: { id: decision.id }, data: { signedAt: new Date(), signedById: scope.cityAdmin.id } });
    await expect(db.decision.update({ where: { id: decision.id }, data: { attendees: '改过的名单' } })).rejects.toThrow(/signed/);
    await expect(db.decisionItem.updateMany({ where: { decisionId: decision.id }, data: { rank: 2 } })).rejects.toThrow(/signed/);
    await expect(db.$executeRaw`DELETE FROM decision_items WHERE decision_id = ${decision.id}`).rejects.toThrow(/signed/);
    await expect(db.$executeRaw`DELETE FROM decisions WHERE id = ${decision.id}`).rejects.toThrow(/signed/);
    expect((await db.decision.findUniqueOrThrow({ where: { id: decision.id } })).attendees).toBe('部长、副部长');
  });
});

describe('ranking, decisions and the award proposal', () => {
  it('ranks submitted sheets and valid votes, then 初评 → 审定 produce the award proposal; signing checks the reasons', async () => {
    const scope = await createReviewScope({ entries: 3, extraExperts: 2 });
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { expertsPerEntry: 2 } });
    await db.$executeRaw`UPDATE campaign_stages SET is_enabled = true WHERE campaign_id = ${scope.campaign.id} AND kind = 'VOTING'`;
    const admin = context(scope.cityAdmin.id);
    const preview = await previewAssignment({ campaignId: scope.campaign.id }, scope.cityAdmin.id, 3);
    await commitAssignment({ campaignId: scope.campaign.id, seed: preview.seed, fingerprint: preview.fingerprint }, admin);
    const criteria = await criteriaOf(scope.campaign.id);
    // Entry i gets every criterion at (max − 2i): entry 0 ranks first on the experts' scores.
    const sheets = await db.reviewAssignment.findMany({ where: { campaignId: scope.campaign.id }, select: { id: true, expertId: true, applicationId: true } });
    for (const sheet of sheets) {
      const index = scope.entries.findIndex((entry) => entry.id === sheet.applicationId);
      await saveScores({ assignmentId: sheet.id, scores: criteria.map((criterion) => ({ criterionId: criterion.id, points: criterion.maxPoints - 2 * index })) }, context(sheet.expertId));
      await submitSheet({ assignmentId: sheet.id }, context(sheet.expertId));
    }
    // Votes: entry 2 is the public's favourite; one of its votes is invalid and does not count.
    await insertVotes(scope.campaign.id, scope.entries[2].id, 4);
    await insertVotes(scope.campaign.id, scope.entries[2].id, 1, { invalid: true });
    await insertVotes(scope.campaign.id, scope.entries[0].id, 1);
    const campaign = await loadReviewCampaign(db, scope.campaign.id, await loadGrants(db, scope.cityAdmin.id));
    const ranking = await loadRanking(campaign);
    const max = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
    const row = (index: number) => ranking.rows.find((candidate) => candidate.applicationId === scope.entries[index].id)!;
    expect(row(2).votes).toBe(4);
    expect(row(0).expertScore).toBe(max);
    // Entry 0: 100 of 100 × 70 % + 1 of the top 4 votes × 30 % = 77.5; entry 2: 80 × 70 % + 30 = 86 comes first.
    expect(row(0).score).toBe(77.5);
    expect(row(2).score).toBe(86);
    expect([row(2).rank, row(0).rank]).toEqual([1, 2]);

    await db.onsiteCheck.create({ data: { campaignId: scope.campaign.id, applicationId: scope.entries[1].id, result: 'FAILED', findings: '阵地已撤并，与申报不符' } });
    await openStage(scope.campaign.id, 'DELIBERATION');
    const preliminary = await createDecision({ campaignId: scope.campaign.id, kind: 'PRELIMINARY' }, admin);
    const draft = (await getDecision(preliminary.id, scope.campaign.id))!;
    const demo = await db.award.findFirstOrThrow({ where: { campaignId: scope.campaign.id, kind: 'DEMONSTRATION' } });
    expect(draft.items.find((item) => item.applicationId === scope.entries[0].id)!.proposedAwardIds).toContain(demo.id);
    expect(draft.items.find((item) => item.applicationId === scope.entries[1].id)!.proposedAwardIds).toEqual([]);

    const items = draft.items.map((item) => ({ applicationId: item.applicationId, awardIds: item.applicationId === scope.entries[1].id ? [demo.id] : item.awardIds, changeReason: '' }));
    await saveDecisionDraft({ decisionId: preliminary.id, meetingDate: '2026-11-20', attendees: '部长、副部长、组织科', notes: '', items }, admin);
    const refused = await rejection(signDecision({ decisionId: preliminary.id }, admin));
    expect(refused.message).toBe('暂不能签署：1 个品牌的奖项与建议不同，请写明调整理由；1 个实地核验未通过的品牌不能获奖。');
    await saveDecisionDraft({ decisionId: preliminary.id, meetingDate: '2026-11-20', attendees: '部长、副部长、组织科', notes: '', items: draft.items.map((item) => ({ applicationId: item.applicationId, awardIds: item.awardIds, changeReason: '' })) }, admin);
    await signDecision({ decisionId: preliminary.id }, admin);
    expect((await rejection(saveDecisionDraft({ decisionId: preliminary.id, meetingDate: '2026-11-21', attendees: '改', notes: '', items: [] }, admin))).code).toBe('CONFLICT');

    expect(await loadAwardProposal(scope.campaign.id)).toBeNull();
    const final = await createDecision({ campaignId: scope.campaign.id, kind: 'FINAL' }, admin);
    const finalDraft = (await getDecision(final.id, scope.campaign.id))!;
    await saveDecisionDraft({ decisionId: final.id, meetingDate: '2026-11-22', attendees: '领导小组全体成员', notes: '', items: finalDraft.items.map((item) => ({ applicationId: item.applicationId, awardIds: item.awardIds, changeReason: '' })) }, admin);
    await signDecision({ decisionId: final.id }, admin);
    const proposal = (await loadAwardProposal(scope.campaign.id))!;
    expect(proposal.items.map((item) => [item.application.id, item.award.id])).toContainEqual([scope.entries[0].id, demo.id]);
    expect(proposal.items.some((item) => item.application.id === scope.entries[1].id)).toBe(false);

    // A correction is a new version with a reason; the signed one stays as it was.
    expect((await rejection(createDecision({ campaignId: scope.campaign.id, kind: 'FINAL' }, admin))).code).toBe('INVALID_INPUT');
    const correction = await createDecision({ campaignId: scope.campaign.id, kind: 'FINAL', correctionReason: '领导小组复议后调整' }, admin);
    expect(correction.version).toBe(2);

    const workbook = await buildReviewWorkbook(campaign, ranking);
    expect(workbook.subarray(0, 2).toString()).toBe('PK');
    // Read back: the 按专家 sheet lists each sheet under the header row, with its scores, total and 提交时间.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['综合排名', '按专家', '按品牌']);
    const byExpert = book.getWorksheet('按专家')!;
    const headerCells = (byExpert.getRow(3).values as unknown[]).slice(1);
    expect(headerCells.slice(0, 4)).toEqual(['评审专家', '品牌名称', '申报单位', '轮次']);
    expect(headerCells.slice(-3)).toEqual(['合计', '评语', '提交时间']);
    const submittedSheet = await db.reviewAssignment.findFirstOrThrow({
      where: { campaignId: scope.campaign.id, submittedAt: { not: null } },
      select: { submittedAt: true, round: true, expert: { select: { displayName: true } }, application: { select: { brandName: true } }, scores: { select: { points: true } } },
    });
    const written = [];
    for (let number = 4; number <= byExpert.rowCount; number++) written.push((byExpert.getRow(number).values as unknown[]).slice(1));
    const line = written.find((cells) => cells[0] === submittedSheet.expert.displayName && cells[1] === submittedSheet.application.brandName && cells[3] === submittedSheet.round)!;
    expect(line.at(-3)).toBe(submittedSheet.scores.reduce((sum, score) => sum + Number(score.points), 0));
    expect(line.at(-1)).toBe(formatDateTime(submittedSheet.submittedAt));
    expect(byExpert.getRow(4).getCell(1).border).toMatchObject({ top: { style: 'thin' } });
    const resultsPdf = await renderReviewPdf(campaign, ranking);
    const resultsText = extractPdfText(resultsPdf);
    expect(resultsText).toContain('专家评分表（按专家）');
    expect(resultsText).toContain(ranking.rows[0].brandName);
    const header = { issuer: '示范市委组织部', number: '示范市委组织部〔2026〕5号', issuedAt: new Date() };
    const pdf = await renderDocumentPdf(decisionContent(campaign.title, (await getDecision(final.id, scope.campaign.id))!, new Map([[demo.id, demo.name]])), header);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(extractPdfText(pdf)).toContain(`${campaign.title} 领导小组审定决定表`);
  });
});
