// Issue 18, 评定 → 公示 → 表彰: decisions only in their stage on a complete review, the award rules (one 等次奖,
// 单项奖 on top, 最佳领域 by field), 实地核验 in its stage and binding at finalise, and the re-publication path after a
// correction of the 审定.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaptcha } from '@/lib/auth/captcha';
import { db, dbNow } from '@/lib/db';
import { loadAnnouncement } from '@/lib/honors/queries';
import { fileObjection, requestObjectionCode } from '@/lib/objections/service';
import { loadPublicityAdmin, loadPublicPublicity } from '@/lib/publicity/queries';
import { finaliseCampaign, publishPublicity } from '@/lib/publicity/service';
import { addAssignment, startDisputeRound } from '@/lib/review/assign-service';
import { getDecision, loadAwardProposal } from '@/lib/review/decision-queries';
import { createDecision, saveDecisionDraft, signDecision } from '@/lib/review/decisions';
import { saveOnsiteCheck } from '@/lib/review/onsite';
import { saveScores, submitSheet } from '@/lib/review/scoring';
import { rejection } from '../support/errors';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { createReviewScope, openStage } from '../support/reviews';
import { insertVotes } from '../support/voting';

const context = (actorId: string) => ({ actorId, ip: '10.9.18.1' });

afterEach(() => {
  vi.useRealTimers();
});

const finalInput = (campaignId: string) => ({
  campaignId,
  title: '关于命名表彰优秀党建品牌的决定',
  documentNo: '示范组通〔2026〕30号',
  preamble: '经逐级推荐、资格审查、专家评审、实地核验和公示，决定对以下党建品牌予以通报表扬。',
  issuedOn: shanghaiDay(),
});

/** A review scope with two experts on every entry who score `points(entry index)` on every criterion and submit. */
async function scoredScope(entries: number, points: (index: number) => number = (index) => 18 - index) {
  const scope = await createReviewScope({ entries });
  const admin = context(scope.cityAdmin.id);
  const criteria = (await db.rubric.findUniqueOrThrow({ where: { campaignId: scope.campaign.id }, select: { criteria: { select: { id: true, maxPoints: true } } } })).criteria;
  const sheets: { id: string; expertId: string; applicationId: string }[] = [];
  for (const entry of scope.entries) {
    for (const expert of [scope.westExpert, scope.cityExpert]) {
      const sheet = await addAssignment({ campaignId: scope.campaign.id, applicationId: entry.id, expertId: expert.id, reason: '安排评审专家' }, admin);
      sheets.push({ id: sheet.id, expertId: expert.id, applicationId: entry.id });
    }
  }
  const submit = async (sheet: (typeof sheets)[number], round = 1) => {
    const row = await db.reviewAssignment.findUniqueOrThrow({ where: { applicationId_expertId_round: { applicationId: sheet.applicationId, expertId: sheet.expertId, round } }, select: { id: true } });
    const index = scope.entries.findIndex((entry) => entry.id === sheet.applicationId);
    await saveScores({ assignmentId: row.id, scores: criteria.map((criterion) => ({ criterionId: criterion.id, points: Math.min(points(index), criterion.maxPoints) })) }, context(sheet.expertId));
    await submitSheet({ assignmentId: row.id }, context(sheet.expertId));
  };
  return { ...scope, admin, sheets, submit };
}

/** Saves every entry's awards as given (others: none), with a reason where they depart from the proposal, and signs. */
async function decideAndSign(decisionId: string, campaignId: string, admin: ReturnType<typeof context>, awardsOf: (applicationId: string) => string[] | undefined, attendees = '部长、副部长、组织科') {
  const draft = (await getDecision(decisionId, campaignId))!;
  const items = draft.items.map((item) => {
    const awardIds = awardsOf(item.applicationId) ?? item.awardIds;
    return { applicationId: item.applicationId, awardIds, changeReason: awardIds.join() === item.proposedAwardIds.join() ? '' : '会议研究决定调整' };
  });
  await saveDecisionDraft({ decisionId, meetingDate: shanghaiDay(), attendees, notes: '', items }, admin);
  await signDecision({ decisionId }, admin);
}

describe('初评/审定 only in the deliberation stage, on a complete review', () => {
  it('refuses before the stage, while votes still arrive, with sheets unsubmitted, with a 复议 open, and after the stage', async () => {
    const scope = await scoredScope(2);
    const campaignId = scope.campaign.id;
    await scope.submit(scope.sheets[0]);
    await scope.submit(scope.sheets[1]);
    await scope.submit(scope.sheets[2]);

    // The expert review still runs: the 初评审定 stage has not begun.
    expect(await rejection(createDecision({ campaignId, kind: 'PRELIMINARY' }, scope.admin))).toMatchObject({ code: 'STAGE_LOCKED', message: '初评审定阶段尚未开始，不能形成或签署初评、审定结果' });

    // A 复议 for entry 0 (both its sheets are in), started while the review runs.
    await startDisputeRound({ campaignId, applicationId: scope.entries[0].id, reason: '专家分歧较大' }, scope.admin);
    await openStage(campaignId, 'DELIBERATION');

    // Votes still come in: the voting stage runs alongside.
    await db.$executeRaw`UPDATE campaign_stages SET is_enabled = true, starts_at = now() - interval '1 day', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'VOTING'`;
    expect((await rejection(createDecision({ campaignId, kind: 'PRELIMINARY' }, scope.admin))).message).toBe('网络投票阶段仍在进行中，结束后才能形成或签署初评、审定结果');
    await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${campaignId} AND kind = 'VOTING'`;

    // One round-1 sheet of entry 1 and the whole 复议 of entry 0 are not in.
    const brand = async (index: number) => (await db.application.findUniqueOrThrow({ where: { id: scope.entries[index].id }, select: { brandName: true } })).brandName;
    const incomplete = await rejection(createDecision({ campaignId, kind: 'PRELIMINARY' }, scope.admin));
    expect(incomplete.code).toBe('CONFLICT');
    expect(incomplete.message).toBe(
      `专家评审尚未完成，不能形成或签署初评、审定：“${await brand(1)}”还有专家未提交评分（请延长专家评审让专家提交，或移除未提交的评分表）；“${await brand(0)}”的复议尚未完成（复议评分全部提交后以复议结果为准）。`,
    );
    expect(await db.decision.count({ where: { campaignId } })).toBe(0);

    // The experts submit in a reopened review; then the 初评 can be formed in the 初评审定 stage.
    await openStage(campaignId, 'EXPERT_REVIEW');
    await scope.submit(scope.sheets[3]);
    await scope.submit(scope.sheets[0], 2);
    await scope.submit(scope.sheets[1], 2);
    await openStage(campaignId, 'DELIBERATION');
    const preliminary = await createDecision({ campaignId, kind: 'PRELIMINARY' }, scope.admin);

    // The stage ends with the draft unsigned: neither saving nor signing is possible any more.
    await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${campaignId} AND kind = 'DELIBERATION'`;
    expect((await rejection(signDecision({ decisionId: preliminary.id }, scope.admin))).message).toBe('初评审定阶段已结束，不能形成或签署初评、审定结果');
    expect((await rejection(saveDecisionDraft({ decisionId: preliminary.id, meetingDate: shanghaiDay(), attendees: '部长', notes: '', items: [] }, scope.admin))).code).toBe('STAGE_LOCKED');
    expect((await db.decision.findUniqueOrThrow({ where: { id: preliminary.id } })).signedAt).toBeNull();
  });
});

describe('award rules', () => {
  it('refuses a 最佳领域 award for an entry of another field, on saving and on signing', async () => {
    const scope = await scoredScope(2);
    const campaignId = scope.campaign.id;
    for (const sheet of scope.sheets) await scope.submit(sheet);
    const fields = await db.campaignField.findMany({ where: { campaignId }, orderBy: { sortOrder: 'asc' }, select: { id: true, name: true } });
    await db.application.update({ where: { id: scope.entries[1].id }, data: { fieldId: fields[1].id } });
    await openStage(campaignId, 'DELIBERATION');
    const decision = await createDecision({ campaignId, kind: 'PRELIMINARY' }, scope.admin);
    const bestOfFirstField = await db.award.findFirstOrThrow({ where: { campaignId, kind: 'BEST_IN_FIELD', fieldId: fields[0].id }, select: { id: true, name: true } });
    const brand = (await db.application.findUniqueOrThrow({ where: { id: scope.entries[1].id }, select: { brandName: true } })).brandName;

    const refused = await rejection(
      saveDecisionDraft({ decisionId: decision.id, meetingDate: shanghaiDay(), attendees: '部长', notes: '', items: [{ applicationId: scope.entries[1].id, awardIds: [bestOfFirstField.id], changeReason: '会议决定' }] }, scope.admin),
    );
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: `奖项不符合本活动的奖项规则：“${bestOfFirstField.name}”只能授予${fields[0].name}领域的品牌，“${brand}”属于${fields[1].name}。` });
    expect(await db.decisionAward.count({ where: { decisionId: decision.id, applicationId: scope.entries[1].id, awardId: bestOfFirstField.id } })).toBe(0);

    // Written past the service (as an old draft could hold it), signing still refuses it.
    await db.decisionAward.deleteMany({ where: { decisionId: decision.id, awardId: bestOfFirstField.id } });
    await db.decisionAward.create({ data: { decisionId: decision.id, applicationId: scope.entries[1].id, awardId: bestOfFirstField.id, isDecided: true, isProposed: false } });
    await db.decisionItem.update({ where: { decisionId_applicationId: { decisionId: decision.id, applicationId: scope.entries[1].id } }, data: { changeReason: '会议决定' } });
    await db.decision.update({ where: { id: decision.id }, data: { attendees: '部长、副部长' } });
    const unsigned = await rejection(signDecision({ decisionId: decision.id }, scope.admin));
    expect(unsigned.message).toContain(`“${bestOfFirstField.name}”只能授予${fields[0].name}领域的品牌，“${brand}”属于${fields[1].name}`);
    expect((await db.decision.findUniqueOrThrow({ where: { id: decision.id } })).signedAt).toBeNull();
  });

  it('gives one entry 十大 and 最佳人气 together, one certificate each, listed under both awards; two 等次奖 are refused', async () => {
    const scope = await scoredScope(2);
    const campaignId = scope.campaign.id;
    for (const sheet of scope.sheets) await scope.submit(sheet);
    await insertVotes(campaignId, scope.entries[0].id, 5);
    await openStage(campaignId, 'DELIBERATION');
    const awards = await db.award.findMany({ where: { campaignId }, select: { id: true, kind: true, name: true } });
    const award = (kind: string) => awards.find((candidate) => candidate.kind === kind)!;
    const [top, popular, excellent] = [award('TOP_TEN'), award('POPULARITY'), award('EXCELLENT')];
    const [first, second] = scope.entries.map((entry) => entry.id);

    const preliminary = await createDecision({ campaignId, kind: 'PRELIMINARY' }, scope.admin);
    const twoGrades = await rejection(
      saveDecisionDraft({ decisionId: preliminary.id, meetingDate: shanghaiDay(), attendees: '部长', notes: '', items: [{ applicationId: first, awardIds: [top.id, excellent.id], changeReason: '会议决定' }] }, scope.admin),
    );
    expect(twoGrades.message).toMatch(/只能获得一个等次奖，不能同时获得“十大党建品牌”和“优秀党建品牌”/);
    await decideAndSign(preliminary.id, campaignId, scope.admin, (id) => (id === first ? [top.id, popular.id] : id === second ? [excellent.id] : []));
    expect((await getDecision(preliminary.id, campaignId))!.items.find((item) => item.applicationId === first)!.awardIds.sort()).toEqual([top.id, popular.id].sort());

    const final = await createDecision({ campaignId, kind: 'FINAL' }, scope.admin);
    await decideAndSign(final.id, campaignId, scope.admin, () => undefined, '领导小组全体成员');
    const proposal = (await loadAwardProposal(campaignId))!;
    expect(proposal.entries).toBe(2);
    expect(proposal.items.filter((item) => item.application.id === first).map((item) => item.award.name).sort()).toEqual([top.name, popular.name].sort());

    await openPublicity(campaignId, scope.cityAdmin.id);
    const page = (await loadPublicPublicity(campaignId))!;
    expect(page.total).toBe(2);
    expect(page.groups.filter((group) => group.entries.some((entry) => entry.id === first)).map((group) => group.award.name).sort()).toEqual([top.name, popular.name].sort());
    await endPublicity(campaignId);
    expect((await finaliseCampaign(finalInput(campaignId), scope.admin)).honors).toBe(3);
    const honors = await db.honor.findMany({ where: { campaignId, applicationId: first }, select: { awardName: true, certificateNo: true } });
    expect(honors.map((honor) => honor.awardName).sort()).toEqual([top.name, popular.name].sort());
    expect(new Set(honors.map((honor) => honor.certificateNo)).size).toBe(2);
    const announcement = (await loadAnnouncement(campaignId))!;
    expect(announcement.total).toBe(2);
    expect(announcement.groups.map((group) => [group.awardName, group.honors.length])).toEqual([
      [top.name, 1],
      [excellent.name, 1],
      [popular.name, 1],
    ]);
  });
});

describe('实地核验', () => {
  it('is recorded only in its stage, with the database clock, and never after the 审定 is signed', async () => {
    const scope = await createReviewScope({ entries: 1 });
    const campaignId = scope.campaign.id;
    const input = {
      campaignId,
      applicationId: scope.entries[0].id,
      scheduledOn: shanghaiDay(),
      inspectorIds: [scope.cityAdmin.id],
      findings: '阵地、台账与申报材料相符。',
      result: 'PASSED' as const,
      photoIds: [],
    };
    const early = await rejection(saveOnsiteCheck(input, context(scope.cityAdmin.id)));
    expect(early).toMatchObject({ code: 'STAGE_LOCKED', message: '实地核验阶段尚未开始，不能记录实地核验' });

    await openStage(campaignId, 'ONSITE_CHECK');
    // The app server's clock is years off; the record takes the database's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    await saveOnsiteCheck(input, context(scope.cityAdmin.id));
    vi.useRealTimers();
    const recorded = (await db.onsiteCheck.findFirstOrThrow({ where: { campaignId } })).recordedAt!;
    expect(Math.abs(recorded.getTime() - (await dbNow()).getTime())).toBeLessThan(60_000);

    // After its stage the checks are closed.
    await openStage(campaignId, 'DELIBERATION');
    expect(await rejection(saveOnsiteCheck(input, context(scope.cityAdmin.id)))).toMatchObject({ code: 'STAGE_LOCKED', message: '实地核验阶段已结束，不能记录实地核验' });

    // A signed 审定 freezes the checks it rests on, even while a (reopened) stage runs.
    await openStage(campaignId, 'ONSITE_CHECK');
    const final = await db.decision.create({ data: { campaignId, kind: 'FINAL', version: 1, meetingDate: new Date(), attendees: '领导小组', items: { create: [{ applicationId: scope.entries[0].id, rank: 1, score: 90 }] } } });
    await db.decision.update({ where: { id: final.id }, data: { signedAt: new Date(), signedById: scope.cityAdmin.id } });
    const late = await rejection(saveOnsiteCheck({ ...input, result: 'FAILED', findings: '复查发现阵地已撤并。' }, context(scope.cityAdmin.id)));
    expect(late).toMatchObject({ code: 'CONFLICT', message: '领导小组审定已经签署，实地核验结果不能再记录或修改' });
    expect((await db.onsiteCheck.findFirstOrThrow({ where: { campaignId } })).result).toBe('PASSED');
  });

  it('a FAILED check keeps the entry out of the 表彰决定 even when it was recorded after the 审定', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 3 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    await db.onsiteCheck.create({ data: { campaignId, applicationId: scope.entries[2].id, result: 'FAILED', findings: '复查发现阵地已撤并', recordedAt: new Date() } });
    await endPublicity(campaignId);
    const result = await finaliseCampaign(finalInput(campaignId), context(scope.cityAdmin.id));
    expect(result.honors).toBe(2);
    expect((await db.honor.findMany({ where: { campaignId }, select: { applicationId: true } })).map((honor) => honor.applicationId).sort()).toEqual([scope.entries[0].id, scope.entries[1].id].sort());
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'finalise-campaign', entityId: result.announcementId } });
    expect(audit.after).toMatchObject({ honors: 2, onsiteFailed: [scope.entries[2].id] });
  });
});

/** A fresh mobile, a solved captcha and the SMS code: what the public objection form sends. */
let phones = 0;
async function fileAs(campaignId: string, applicationId: string) {
  const phone = `136${String(Date.now() % 1e5).padStart(5, '0')}${String(phones++ % 1000).padStart(3, '0')}`;
  const { id } = await createCaptcha(db);
  const { answer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id } });
  await requestObjectionCode({ campaignId, phone, captchaId: id, captchaAnswer: answer }, `10.18.${phones % 250}.9`);
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone }, orderBy: { id: 'desc' } });
  const code = /验证码 (\d{6})/.exec(message.body ?? '')![1];
  return fileObjection({ campaignId, applicationId, name: '李四', phone, code, facts: '该品牌的服务数据与实际情况不符，请核实。' });
}

describe('a corrected 审定 is published again', () => {
  it('publishes the correction as 公示 version 2, keeps version 1 as superseded, binds objections to their version and ends in a 表彰决定', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 2 });
    const campaignId = scope.campaign.id;
    const admin = context(scope.cityAdmin.id);
    // The signed 初评 the 审定 rests on (createAwardedScope writes only the 审定).
    const preliminary = await db.decision.create({
      data: {
        campaignId,
        kind: 'PRELIMINARY',
        version: 1,
        meetingDate: new Date(),
        attendees: '部长、副部长',
        items: { create: scope.entries.map((entry, index) => ({ applicationId: entry.id, rank: index + 1, score: 95 - index, awards: { create: index < 2 ? [{ awardId: scope.award.id, isDecided: true, isProposed: true }] : [] } })) },
      },
    });
    await db.decision.update({ where: { id: preliminary.id }, data: { signedAt: new Date(), signedById: scope.cityAdmin.id } });
    const first = await openPublicity(campaignId, scope.cityAdmin.id);
    expect(first.version).toBe(1);
    const [kept, dropped] = [scope.entries[0].id, scope.entries[1].id];
    const againstFirst = await fileAs(campaignId, dropped);

    // The objection is upheld; the 领导小组 corrects the 审定 (entry 1 loses its award) during the 公示.
    await db.objection.update({ where: { id: againstFirst.objectionId }, data: { status: 'ANSWERED', outcome: 'UPHELD', answer: '经核查，异议成立。', answeredAt: new Date() } });
    const correction = await createDecision({ campaignId, kind: 'FINAL', correctionReason: '异议成立，取消该品牌的奖项' }, admin);
    await decideAndSign(correction.id, campaignId, admin, (id) => (id === dropped ? [] : undefined), '领导小组全体成员');
    await endPublicity(campaignId);
    expect((await rejection(finaliseCampaign(finalInput(campaignId), admin))).message).toBe('公示后领导小组审定又有更正，请发布更正公示，公示期满后再发布表彰决定');
    expect((await loadPublicityAdmin(campaignId)).stale).toBe(true);

    // Staff publish the corrected list twice at once: one version 2.
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => openPublicity(campaignId, scope.cityAdmin.id)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect((await db.publicity.findMany({ where: { campaignId }, orderBy: { version: 'asc' }, select: { version: true, decisionId: true } })).map((row) => [row.version, row.decisionId])).toEqual([
      [1, scope.decision.id],
      [2, correction.id],
    ]);
    expect((await rejection(openPublicity(campaignId, scope.cityAdmin.id))).message).toBe('本活动已经发布公示');

    // The public page shows version 2; version 1 stays readable, marked as superseded.
    const current = (await loadPublicPublicity(campaignId))!;
    expect(current).toMatchObject({ version: 2, isCurrent: true, phase: 'open', total: 1, supersededBy: null });
    const old = (await loadPublicPublicity(campaignId, 1))!;
    expect(old.isCurrent).toBe(false);
    expect(old.total).toBe(2);
    expect(old.supersededBy?.version).toBe(2);
    expect(old.versions.map((version) => version.version)).toEqual([2, 1]);
    expect((await loadPublicityAdmin(campaignId)).stale).toBe(false);

    // Objections now go to version 2, and only to its entries.
    expect((await rejection(fileAs(campaignId, dropped))).message).toBe('该品牌不在公示名单中');
    const againstSecond = await fileAs(campaignId, kept);
    const bound = await db.objection.findMany({ where: { campaignId }, select: { id: true, publicity: { select: { version: true } } } });
    expect(Object.fromEntries(bound.map((row) => [row.id, row.publicity.version]))).toEqual({ [againstFirst.objectionId]: 1, [againstSecond.objectionId]: 2 });

    // Version 2 runs its own period; the objection raised in it is answered; then the 表彰决定.
    expect((await rejection(finaliseCampaign(finalInput(campaignId), admin))).message).toBe('公示阶段仍在进行中，结束后才能发布表彰决定');
    await endPublicity(campaignId);
    expect((await rejection(finaliseCampaign(finalInput(campaignId), admin))).message).toBe('还有 1 件异议未办结，全部答复后才能发布表彰决定');
    await db.objection.update({ where: { id: againstSecond.objectionId }, data: { status: 'ANSWERED', outcome: 'DISMISSED', answer: '经核查，异议不成立。', answeredAt: new Date() } });
    const announced = await finaliseCampaign(finalInput(campaignId), admin);
    expect(announced.honors).toBe(1);
    expect((await db.honor.findMany({ where: { campaignId }, select: { applicationId: true } })).map((honor) => honor.applicationId)).toEqual([kept]);
    expect((await db.announcement.findUniqueOrThrow({ where: { campaignId } })).decisionId).toBe(correction.id);

    // Once the 表彰决定 is out, nothing is corrected or published again.
    expect((await rejection(createDecision({ campaignId, kind: 'FINAL', correctionReason: '再次更正名单内容' }, admin))).message).toBe('表彰决定已经发布，不能再形成或更正初评、审定');
    expect((await rejection(publishPublicity({ campaignId, startsOn: shanghaiDay(), endsOn: shanghaiDay(4), contactPhone: '0571-88886666', contactAddress: '示范市人民路 1 号' }, admin))).message).toBe('表彰决定已经发布，不能再发布公示');
  });
});
