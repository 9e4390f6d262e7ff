import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { decideAcceptance, formAcceptanceGroup, requestAcceptance, saveAcceptanceSheet } from '@/lib/acceptance/service';
import { RECOGNITION_NO_PATTERN } from '@/lib/honors/verify';
import { brandTimeline } from '@/lib/brand-timeline/sources';
import { createAcceptanceScope, createCultivation, REPORT, setAcceptanceWindow } from '../support/acceptance';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';

const context = (actorId: string) => ({ actorId, ip: '10.9.26.1' });

type TScope = Awaited<ReturnType<typeof createAcceptanceScope>>;

async function reviewed(scope: TScope, unit: TScope['a']) {
  const request = await requestAcceptance({ cultivationId: unit.cultivation.id, ...REPORT }, context(unit.secretary.id));
  await formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id, scope.ownerExpert.id] }, context(scope.eastAdmin.id));
  for (const expert of [scope.westExpert, scope.ownerExpert]) {
    await saveAcceptanceSheet({ requestId: request.id, scores: [18, 17, 16, 18, 19], comment: '成效明显', submit: true }, context(expert.id));
  }
  return request;
}

describe('验收认定: request → review → pass / fail → request again', () => {
  it('fails with findings, goes back to 培育创建, requests again and passes to 认定 with a number', async () => {
    const scope = await createAcceptanceScope();
    const first = await reviewed(scope, scope.a);
    expect((await db.cultivation.findUniqueOrThrow({ where: { id: scope.a.cultivation.id } })).status).toBe('ACCEPTANCE');

    expect((await rejection(decideAcceptance({ requestId: first.id, outcome: 'FAIL' }, context(scope.eastAdmin.id)))).message).toBe('验收不通过须写明验收意见（存在的问题和改进要求）');
    await decideAcceptance({ requestId: first.id, outcome: 'FAIL', findings: '台帐不完整，成效缺少数据支撑。' }, context(scope.eastAdmin.id));
    const failed = await db.acceptanceRequest.findUniqueOrThrow({ where: { id: first.id } });
    expect(failed).toMatchObject({ status: 'FAILED', findings: '台帐不完整，成效缺少数据支撑。', decidedById: scope.eastAdmin.id });
    expect((await db.cultivation.findUniqueOrThrow({ where: { id: scope.a.cultivation.id } })).status).toBe('CULTIVATING');

    // Illegal transitions on the decided request, each with its message.
    expect((await rejection(decideAcceptance({ requestId: first.id, outcome: 'PASS' }, context(scope.eastAdmin.id)))).message).toBe('该验收申请已作出不通过的结论，不能作出验收结论');
    expect((await rejection(formAcceptanceGroup({ requestId: first.id, expertIds: [scope.westExpert.id] }, context(scope.eastAdmin.id)))).message).toBe(
      '该验收申请已作出不通过的结论，不能组成验收组',
    );

    const second = await reviewed(scope, scope.a);
    expect(second.round).toBe(2);
    const { recognitionNo } = await decideAcceptance({ requestId: second.id, outcome: 'PASS', onsiteNote: '实地查看了党员先锋岗' }, context(scope.eastAdmin.id));
    expect(recognitionNo).toMatch(RECOGNITION_NO_PATTERN);
    const cultivation = await db.cultivation.findUniqueOrThrow({ where: { id: scope.a.cultivation.id }, include: { recognition: true } });
    expect(cultivation.status).toBe('RECOGNISED');
    expect(cultivation.recognisedAt).not.toBeNull();
    expect(cultivation.recognition).toMatchObject({ recognitionNo, brandName: '红色引擎', requestId: second.id });

    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, context(scope.a.secretary.id)))).message).toBe('该品牌已通过验收认定，无需再申请');
    const audit = await db.auditLog.findMany({ where: { entityType: 'AcceptanceRequest', entityId: { in: [first.id, second.id] } }, select: { action: true } });
    expect(audit.map((row) => row.action).sort()).toEqual(
      ['fail-acceptance', 'form-acceptance-group', 'form-acceptance-group', 'pass-acceptance', 'request-acceptance', 'request-acceptance', ...Array(4).fill('submit-acceptance-sheet')].sort(),
    );

    // The inbox: the organizer hears of each request, each expert of each group, the branch of both outcomes.
    const inbox = async (userId: string) =>
      (await db.notification.findMany({ where: { recipientId: userId }, orderBy: { createdAt: 'asc' }, select: { kind: true, title: true, body: true } })).map((row) => row.kind);
    expect(await inbox(scope.eastAdmin.id)).toEqual(['ACCEPTANCE_REQUESTED', 'ACCEPTANCE_REQUESTED']);
    expect(await inbox(scope.westExpert.id)).toEqual(['ACCEPTANCE_ASSIGNED', 'ACCEPTANCE_ASSIGNED']);
    expect(await inbox(scope.a.secretary.id)).toEqual(['ACCEPTANCE_FAILED', 'ACCEPTANCE_PASSED']);
    const failedNotice = await db.notification.findFirstOrThrow({ where: { recipientId: scope.a.secretary.id, kind: 'ACCEPTANCE_FAILED' } });
    expect(failedNotice).toMatchObject({ title: '“红色引擎”验收未通过', link: `/acceptance/requests/${first.id}` });
    expect(failedNotice.body).toContain('台帐不完整，成效缺少数据支撑。请按意见继续创建');
    const passedNotice = await db.notification.findFirstOrThrow({ where: { recipientId: scope.a.secretary.id, kind: 'ACCEPTANCE_PASSED' } });
    expect(passedNotice.body).toBe(`认定编号 ${recognitionNo}。`);

    // The staff brand timeline holds both rounds, newest first, with the 认定 number and the findings.
    const timeline = await brandTimeline(cultivation.brandId);
    const rounds = timeline.filter((item) => item.kind === '验收').map((item) => item.title);
    expect(rounds).toEqual(['验收通过，予以认定', '第 2 次申请验收', '验收不通过', '第 1 次申请验收']);
    expect(timeline.find((item) => item.title === '验收通过，予以认定')?.detail).toBe(`认定编号 ${recognitionNo}`);
    expect(timeline.find((item) => item.title === '验收不通过')?.detail).toBe('台帐不完整，成效缺少数据支撑。');
    expect(timeline.some((item) => item.kind === '认定')).toBe(true);
  });

  it('refuses steps out of order: scoring or deciding before the group, deciding before every sheet is in', async () => {
    const scope = await createAcceptanceScope();
    const request = await requestAcceptance({ cultivationId: scope.b.cultivation.id, ...REPORT }, context(scope.b.secretary.id));
    expect((await rejection(decideAcceptance({ requestId: request.id, outcome: 'PASS' }, context(scope.eastAdmin.id)))).message).toBe('该验收申请尚未组成验收组，不能作出验收结论');
    await formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id, scope.ownerExpert.id] }, context(scope.eastAdmin.id));
    await saveAcceptanceSheet({ requestId: request.id, scores: [18, 17, null, null, null], submit: false }, context(scope.westExpert.id));
    expect((await rejection(saveAcceptanceSheet({ requestId: request.id, scores: [18, 17, null, null, null], submit: true }, context(scope.westExpert.id)))).message).toBe('请给每一项评分后再提交');
    expect((await rejection(saveAcceptanceSheet({ requestId: request.id, scores: [21, 17, 1, 1, 1], submit: false }, context(scope.westExpert.id)))).message).toBe('“精准（选题）”不能超过 20 分');
    expect((await rejection(saveAcceptanceSheet({ requestId: request.id, scores: [1, 1, 1, 1, 1] }, context(scope.committeeExpert.id)))).code).toBe('FORBIDDEN');
    await saveAcceptanceSheet({ requestId: request.id, scores: [18, 17, 16, 15, 14], submit: true }, context(scope.westExpert.id));
    expect((await rejection(saveAcceptanceSheet({ requestId: request.id, scores: [1, 1, 1, 1, 1] }, context(scope.westExpert.id)))).message).toBe('验收评分已提交，不能再修改');
    expect((await rejection(decideAcceptance({ requestId: request.id, outcome: 'PASS' }, context(scope.eastAdmin.id)))).message).toBe('验收组还有专家未提交评分，全部提交后才能作出验收结论');
  });

  it('refuses a request without the three parts, outside the stage, after the 申请截止, and with someone else’s file', async () => {
    const scope = await createAcceptanceScope();
    const as = context(scope.a.secretary.id);
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT, measures: '  ' }, as))).message).toBe('请填写主要措施');
    const stranger = await db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `k-${Date.now()}`, mimeType: 'image/png', size: 1, sha256: 'x', originalName: 'a.png', uploadedById: scope.b.secretary.id } });
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT, evidenceFileIds: [stranger.id] }, as))).message).toBe('证明材料不存在或不是您上传的，请重新上传');
    // Its own photo already shown in the declaration is not a fresh upload: one file, one record (lib/files/claim.ts).
    const used = await db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `k-used-${Date.now()}`, mimeType: 'image/png', size: 1, sha256: 'x', originalName: 'b.png', uploadedById: scope.a.secretary.id } });
    await db.applicationAttachment.create({ data: { applicationId: scope.a.application.id, fileId: used.id, slot: 'PHOTO' } });
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT, evidenceFileIds: [used.id] }, as))).message).toBe('证明材料不存在或不是您上传的，请重新上传');

    await db.campaign.update({ where: { id: scope.campaign.id }, data: { acceptanceRequestDeadline: new Date('2020-10-25T00:00:00Z') } });
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, as))).message).toBe('验收申请已于 2020年10月25日 截止，不能再申请验收');
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { acceptanceRequestDeadline: null } });
    await setAcceptanceWindow(scope.campaign.id, 'upcoming');
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, as))).message).toBe('验收认定阶段尚未开始，暂不能申请验收');
    await setAcceptanceWindow(scope.campaign.id, 'closed');
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, as))).message).toBe('验收认定阶段已结束，不能再申请验收');
    expect(await db.acceptanceRequest.count({ where: { cultivationId: scope.a.cultivation.id } })).toBe(0);
    expect((await db.cultivation.findUniqueOrThrow({ where: { id: scope.a.cultivation.id } })).status).toBe('CULTIVATING');
  });

  it('refuses a request until the 创建方案 is approved, and attaches the 台帐 summary (a correction counts once)', async () => {
    const scope = await createAcceptanceScope();
    const branch = await createOrg({ parent: scope.eastCommittee });
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branch.id }] });
    const cultivation = await createCultivation({ campaignId: scope.campaign.id, organizationId: branch.id, secretaryId: secretary.id, name: '初心驿站', withoutPlan: true });
    const as = context(secretary.id);
    expect((await rejection(requestAcceptance({ cultivationId: cultivation.id, ...REPORT }, as))).message).toBe('创建方案尚未经党(工)委审核通过，不能申请验收');
    await db.cultivationPlan.create({ data: { cultivationId: cultivation.id, goals: '目标', measures: '措施', status: 'SUBMITTED', submittedAt: new Date() } });
    expect((await rejection(requestAcceptance({ cultivationId: cultivation.id, ...REPORT }, as))).message).toBe('创建方案尚未经党(工)委审核通过，不能申请验收');
    expect(await db.acceptanceRequest.count({ where: { cultivationId: cultivation.id } })).toBe(0);

    await db.cultivationPlan.update({ where: { cultivationId: cultivation.id }, data: { status: 'APPROVED', decidedAt: new Date() } });
    const entry = (activity: string, month: string, correctsId?: string) =>
      db.ledgerEntry.create({
        data: { cultivationId: cultivation.id, month: new Date(`${month}-01T00:00:00Z`), occurredOn: new Date(`${month}-10T00:00:00Z`), activity, place: '活动室', participants: '全体党员', summary: '学习', correctsId, correctionReason: correctsId ? '日期写错' : null },
        select: { id: true },
      });
    const wrong = await entry('主题党日', '2026-05');
    await entry('主题党日（更正）', '2026-05', wrong.id);
    await entry('志愿服务', '2026-06');
    await db.ledgerReport.create({ data: { cultivationId: cultivation.id, month: new Date('2026-05-01T00:00:00Z'), dueAt: new Date('2026-05-25T16:00:00Z'), reportedAt: new Date('2026-05-20T02:00:00Z'), isLate: false, entryCount: 1 } });
    const request = await requestAcceptance({ cultivationId: cultivation.id, ...REPORT }, as);
    expect(await db.acceptanceRequest.findUniqueOrThrow({ where: { id: request.id }, select: { ledgerMonths: true, ledgerEntries: true } })).toEqual({ ledgerMonths: 1, ledgerEntries: 2 });
  });

  it('keeps one open request when the same brand requests twice in parallel', async () => {
    const scope = await createAcceptanceScope();
    const as = context(scope.a.secretary.id);
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, as)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect((outcome.reason as Error).message).toBe('该品牌已有验收申请正在办理，办结后才能再次申请');
    expect(await db.acceptanceRequest.count({ where: { cultivationId: scope.a.cultivation.id } })).toBe(1);
  });

  it('refuses an expert from the requesting organization’s line (回避) and one outside the 专家库', async () => {
    const scope = await createAcceptanceScope();
    const request = await requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, context(scope.a.secretary.id));
    const refused = await rejection(formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id, scope.committeeExpert.id] }, context(scope.eastAdmin.id)));
    expect(refused.message).toBe(`${scope.committeeExpert.displayName}须回避：专家所在单位是申报单位的上级党组织`);
    const branchExpert = await createUser({ roles: [{ role: 'EXPERT', organizationId: scope.east.id }] });
    await db.expertProfile.create({ data: { userId: branchExpert.id, homeOrganizationId: scope.a.branch.id } });
    expect((await rejection(formAcceptanceGroup({ requestId: request.id, expertIds: [branchExpert.id] }, context(scope.eastAdmin.id)))).message).toMatch(/须回避：专家所在单位即申报单位$/);
    const outsider = await createUser({ roles: [{ role: 'EXPERT', organizationId: scope.west.id }] });
    expect((await rejection(formAcceptanceGroup({ requestId: request.id, expertIds: [outsider.id] }, context(scope.eastAdmin.id)))).message).toBe('验收专家须是您专家库中的在用专家');
    expect((await db.acceptanceRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('WAITING');
    expect(await db.acceptanceExpert.count({ where: { requestId: request.id } })).toBe(0);
  });

  it('scope: another branch’s secretary, the committee and a sibling district cannot act', async () => {
    const scope = await createAcceptanceScope();
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, context(scope.b.secretary.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, context(scope.committeeAdmin.id)))).code).toBe('FORBIDDEN');
    const request = await requestAcceptance({ cultivationId: scope.a.cultivation.id, ...REPORT }, context(scope.a.secretary.id));
    for (const actor of [scope.westAdmin, scope.committeeAdmin, scope.westCommitteeAdmin, scope.a.secretary]) {
      expect((await rejection(formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id] }, context(actor.id)))).code).toBe('FORBIDDEN');
    }
    await formAcceptanceGroup({ requestId: request.id, expertIds: [scope.westExpert.id] }, context(scope.eastAdmin.id));
    await saveAcceptanceSheet({ requestId: request.id, scores: [20, 20, 20, 20, 20], submit: true }, context(scope.westExpert.id));
    expect((await rejection(decideAcceptance({ requestId: request.id, outcome: 'PASS' }, context(scope.westAdmin.id)))).code).toBe('FORBIDDEN');
  });

  it('gives every recognition its own number, also when two are decided in parallel', async () => {
    const scope = await createAcceptanceScope();
    const requests = [await reviewed(scope, scope.a), await reviewed(scope, scope.b)];
    const numbers = await Promise.all(requests.map((request) => decideAcceptance({ requestId: request.id, outcome: 'PASS' }, context(scope.eastAdmin.id))));
    expect(new Set(numbers.map((result) => result.recognitionNo)).size).toBe(2);
  });
});
