import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getOrCreateDraft, returnApplication, submitApplication } from '@/lib/application/service';
import { remindBranches } from '@/lib/declaration-reminder/service';
import { JOB_SCHEMA } from '@/lib/jobs/queues';
import { runReminder } from '@/lib/jobs/reminders';
import { queueSms } from '@/lib/jobs/sms-outbox';
import { countUnread, listNotifications } from '@/lib/notifications/queries';
import { setReminderSms } from '@/lib/notifications/reminder-settings';
import { markNotificationsRead, notify } from '@/lib/notifications/service';
import { acceptObjection, answerObjection, declineObjection } from '@/lib/objections/service';
import { bulkPassQualifications, qualifyApplication } from '@/lib/qualification/service';
import { notRecommendEntry, recommendEntry, returnEntry } from '@/lib/recommendation/service';
import { addAssignment } from '@/lib/review/assign-service';
import { REMINDER_HANDLERS } from '@/lib/worker/reminder-kinds';
import { notifyStageChanges } from '@/lib/worker/stage-notices';
import { completeValues, createDeclarationScope } from '../support/declarations';
import { rejection } from '../support/errors';
import { createUser } from '../support/factories';
import { createAwardedScope, insertObjection, openPublicity } from '../support/publicity';
import { createRecommendationScope, openQualification } from '../support/recommendations';
import { createReviewScope } from '../support/reviews';

const context = (actorId: string) => ({ actorId, ip: '10.9.23.1' });

/** Every notification written since `since`, as [recipient, kind, title] sorted: who got what, and nobody else. */
async function inboxSince(since: Date) {
  const rows = await db.notification.findMany({ where: { createdAt: { gte: since } }, select: { recipientId: true, kind: true, title: true, body: true, link: true } });
  return rows.sort((a, b) => `${a.recipientId}${a.kind}`.localeCompare(`${b.recipientId}${b.kind}`));
}

const dbTime = async () => (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0].now;

describe('notifications are part of the operation', () => {
  it('a notice or SMS written in a rolled-back transaction never exists, and its job is never queued', async () => {
    const user = await createUser();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [user.id], { kind: 'ENTRY_RETURNED', title: '回滚的通知', sms: '回滚的短信' });
        await queueSms(tx, { phone: '13900009999', text: '回滚的短信 2', dedupeKey: `rollback-${user.id}` });
        throw new Error('the operation failed');
      }),
    ).rejects.toThrow('the operation failed');
    expect(await db.notification.count({ where: { recipientId: user.id } })).toBe(0);
    expect(await db.smsOutbox.count({ where: { text: { startsWith: '回滚的短信' } } })).toBe(0);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job j WHERE name = 'sms' AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.id = j.data->>'id')`);
    expect(jobs[0].n).toBe(0);
  });

  it('a dedupe key delivers once per recipient, however often it is sent', async () => {
    const [a, b] = [await createUser(), await createUser()];
    const notice = { kind: 'STAGE_OPENED' as const, title: '同一条提醒', dedupeKey: `dedupe-${a.id}` };
    expect(await db.$transaction((tx) => notify(tx, [a.id], notice))).toEqual([a.id]);
    expect(await db.$transaction((tx) => notify(tx, [a.id, b.id, b.id], notice))).toEqual([b.id]);
    await Promise.all([1, 2, 3].map(() => db.$transaction((tx) => notify(tx, [a.id, b.id], notice))));
    expect(await db.notification.count({ where: { dedupeKey: notice.dedupeKey } })).toBe(2);
  });
});

describe('selection events reach the right inboxes', () => {
  it('退回 with its reason goes to the branch secretary only; 催报 to the branches reminded', async () => {
    const scope = await createDeclarationScope();
    const values = await completeValues(scope.campaign.id);
    const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, context(scope.secretaryA.id));
    await submitApplication({ applicationId: draft.id, revision: 0, values }, context(scope.secretaryA.id));

    const since = await dbTime();
    await returnApplication({ applicationId: draft.id, reason: '请补充主要做法与成效的数据' }, context(scope.committeeAdmin.id));
    expect(await inboxSince(since)).toEqual([
      { recipientId: scope.secretaryA.id, kind: 'ENTRY_RETURNED', title: '「红心向党」被退回重新申报', body: '退回理由：请补充主要做法与成效的数据', link: `/declare/${draft.id}` },
    ]);
    expect(await countUnread(scope.secretaryA.id)).toBe(1);
    expect(await countUnread(scope.secretaryB.id)).toBe(0);

    const remindedAt = await dbTime();
    await remindBranches({ campaignId: scope.campaign.id, organizationId: scope.eastCommittee.id, branchIds: [scope.branchB.id] }, context(scope.committeeAdmin.id));
    const reminders = await inboxSince(remindedAt);
    expect(reminders.map((row) => [row.recipientId, row.kind, row.link])).toEqual([[scope.secretaryB.id, 'DECLARATION_REMINDER', '/declare']]);
    expect(reminders[0].title).toContain('催报');
  });

  it('recommendation results and a return at a level go to that entry’s branch, not to the other branches', async () => {
    const scope = await createRecommendationScope({ entries: 3 });
    const [first, second, third] = scope.entries;
    const as = context(scope.committeeAdmin.id);
    const since = await dbTime();
    await recommendEntry({ applicationId: first.id, organizationId: scope.committee.id }, as);
    await notRecommendEntry({ applicationId: second.id, organizationId: scope.committee.id, reason: '特色不够鲜明，建议明年再报' }, as);
    await returnEntry({ applicationId: third.id, organizationId: scope.committee.id, reason: '请补充佐证材料后重新申报' }, as);
    const committee = await db.organization.findUniqueOrThrow({ where: { id: scope.committee.id }, select: { name: true } });
    const rows = await inboxSince(since);
    expect(rows.map((row) => [row.recipientId, row.kind])).toEqual(
      [
        [first.secretaryId, 'ENTRY_RECOMMENDED'],
        [second.secretaryId, 'ENTRY_NOT_RECOMMENDED'],
        [third.secretaryId, 'ENTRY_RETURNED'],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    );
    expect(rows.find((row) => row.recipientId === first.secretaryId)!.title).toMatch(new RegExp(`^「推荐\\S+第1号」已获${committee.name}推荐$`));
    expect(rows.find((row) => row.recipientId === second.secretaryId)!.body).toBe('理由：特色不够鲜明，建议明年再报');
    expect(rows.find((row) => row.recipientId === third.secretaryId)!.body).toBe('退回理由：请补充佐证材料后重新申报');
  });

  it('资格审查: a pass (single or bulk) and a failure reach the branch', async () => {
    const scope = await createRecommendationScope({ entries: 3, defaultQuota: 3 });
    for (const entry of scope.entries) {
      await db.recommendation.createMany({
        data: [scope.committee.id, scope.district.id].map((organizationId) => ({ campaignId: scope.campaign.id, applicationId: entry.id, organizationId, decision: 'RECOMMENDED' as const, decidedAt: new Date() })),
      });
    }
    await openQualification(scope.campaign.id);
    const as = context(scope.cityAdmin.id);
    const since = await dbTime();
    const checklist = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaign.id }, select: { id: true, qualificationChecklist: true } });
    const { checklistOf } = await import('@/lib/qualification/checklist');
    const checks = Object.fromEntries(checklistOf(checklist).map((item) => [item, true]));
    await qualifyApplication({ applicationId: scope.entries[0].id, checks, result: 'PASSED', reason: '' }, as);
    await bulkPassQualifications({ campaignId: scope.campaign.id, applicationIds: [scope.entries[1].id] }, as);
    await qualifyApplication({ applicationId: scope.entries[2].id, checks: {}, result: 'FAILED', reason: '成立时间不满一年，不符合申报条件' }, as);
    const rows = await inboxSince(since);
    expect(rows.map((row) => [row.recipientId, row.kind]).sort()).toEqual(
      [
        [scope.entries[0].secretaryId, 'QUALIFICATION_PASSED'],
        [scope.entries[1].secretaryId, 'QUALIFICATION_PASSED'],
        [scope.entries[2].secretaryId, 'ENTRY_RETURNED'],
      ].sort(),
    );
    const failed = rows.find((row) => row.kind === 'ENTRY_RETURNED')!;
    expect(failed.title).toMatch(/资格审查未通过，已退回重新申报$/);
    expect(failed.body).toBe('退回理由：成立时间不满一年，不符合申报条件');
  });

  it('an expert assignment reaches that expert, and the review deadline reminder reaches experts with open sheets once', async () => {
    const scope = await createReviewScope({ entries: 1 });
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { reminderSms: true } });
    await db.user.update({ where: { id: scope.westExpert.id }, data: { phone: `1370${String(Date.now()).slice(-7)}` } });
    const since = await dbTime();
    await addAssignment({ campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, round: 1, reason: '补充一位外区专家' }, context(scope.cityAdmin.id));
    const assigned = await inboxSince(since);
    expect(assigned.map((row) => [row.recipientId, row.kind, row.link])).toEqual([[scope.westExpert.id, 'REVIEW_ASSIGNED', '/review']]);

    // Review ends within a day (openExpertReview): the reminder is due at once, scheduled once.
    const reminders = await db.scheduledReminder.findMany({ where: { key: { startsWith: `REVIEW_DUE:${scope.campaign.id}:` } } });
    expect(reminders).toHaveLength(1);
    const dueSince = await dbTime();
    expect(await runReminder(reminders[0].key, REMINDER_HANDLERS)).toBe('done');
    expect(await runReminder(reminders[0].key, REMINDER_HANDLERS)).toBe('skipped');
    const due = await inboxSince(dueSince);
    expect(due.map((row) => [row.recipientId, row.kind])).toEqual([[scope.westExpert.id, 'REVIEW_DUE']]);
    expect(due[0].body).toBe('您还有 1 份评分表未提交，请在截止前完成。');
    const texts = await db.smsOutbox.findMany({ where: { dedupeKey: { startsWith: reminders[0].key } } });
    expect(texts.map((row) => row.text)).toEqual([expect.stringContaining('您还有1份评分表未提交')]);
  });

  it('the answer to an objection texts the objector its 查询码 and tells the branch the outcome, nobody else', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    await openPublicity(scope.campaign.id, scope.cityAdmin.id);
    const answered = await insertObjection(scope.campaign.id, scope.entries[0].id, { status: 'ACCEPTED' });
    const declined = await insertObjection(scope.campaign.id, scope.entries[1].id);
    const as = context(scope.cityAdmin.id);
    const since = await dbTime();
    await acceptObjection({ objectionId: declined.id }, as);
    expect(await inboxSince(since)).toEqual([]);
    await answerObjection({ objectionId: answered.id, outcome: 'UPHELD', answer: '经核查，异议反映的情况属实。' }, as);
    await declineObjection({ objectionId: declined.id, reason: '异议内容与公示品牌无关。' }, as);
    const rows = await inboxSince(since);
    expect(rows.map((row) => [row.recipientId, row.kind]).sort()).toEqual(
      [
        [scope.entries[0].secretaryId, 'OBJECTION_CLOSED'],
        [scope.entries[1].secretaryId, 'OBJECTION_CLOSED'],
      ].sort(),
    );
    expect(rows.find((row) => row.recipientId === scope.entries[0].secretaryId)!.title).toMatch(/异议已办结：异议成立$/);
    expect(rows.find((row) => row.recipientId === scope.entries[1].secretaryId)!.title).toMatch(/异议已办结：不予受理$/);
    for (const objection of [answered, declined]) {
      const phone = (await db.objection.findUniqueOrThrow({ where: { id: objection.id }, select: { phone: true } })).phone;
      const texts = await db.smsOutbox.findMany({ where: { dedupeKey: `OBJECTION_CLOSED:${objection.id}` } });
      expect(texts).toEqual([expect.objectContaining({ phone, status: 'PENDING', text: expect.stringContaining(`查询码 ${objection.trackingCode}`) })]);
    }
  });

  it('stage openings and closings notify the roles concerned once, by database time', async () => {
    const scope = await createDeclarationScope();
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: scope.branchA.id }] });
    const westSecretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: scope.westCommittee.id }] });
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 hours' WHERE campaign_id = ${scope.campaign.id} AND kind = 'DECLARATION'`;
    const since = await dbTime();
    await notifyStageChanges({ campaignId: scope.campaign.id });
    const opened = await inboxSince(since);
    // 申报 opened two hours ago (within the scan's day): secretaries and committees of the owner's subtree.
    expect(opened.map((row) => [row.recipientId, row.kind]).sort()).toEqual(
      [
        [scope.secretaryA.id, 'STAGE_OPENED'],
        [scope.secretaryB.id, 'STAGE_OPENED'],
        [scope.committeeAdmin.id, 'STAGE_OPENED'],
      ].sort(),
    );
    expect(opened.find((row) => row.recipientId === scope.secretaryA.id)!.title).toBe(`「${scope.campaign.title}」申报阶段已开始`);
    expect(opened.map((row) => row.recipientId)).not.toContain(member.id);
    expect(opened.map((row) => row.recipientId)).not.toContain(westSecretary.id);

    // Again (the next minute, another worker): nothing new. Then 申报 closes: secretaries and committees hear of it.
    await notifyStageChanges({ campaignId: scope.campaign.id });
    expect(await inboxSince(since)).toHaveLength(3);
    await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 second' WHERE campaign_id = ${scope.campaign.id} AND kind = 'DECLARATION'`;
    const closedSince = await dbTime();
    await notifyStageChanges({ campaignId: scope.campaign.id });
    await notifyStageChanges({ campaignId: scope.campaign.id });
    expect((await inboxSince(closedSince)).map((row) => [row.recipientId, row.kind]).sort()).toEqual(
      [
        [scope.secretaryA.id, 'STAGE_CLOSED'],
        [scope.secretaryB.id, 'STAGE_CLOSED'],
        [scope.committeeAdmin.id, 'STAGE_CLOSED'],
      ].sort(),
    );
    const audits = await db.auditLog.findMany({ where: { action: 'notify-stage-change', entityId: scope.campaign.id } });
    expect(audits.map((row) => (row.after as { event: string }).event).sort()).toEqual(['closed', 'opened']);
  });
});

describe('the inbox', () => {
  it('lists one’s own notices newest first with paging, and marks only one’s own as read', async () => {
    const [owner, other] = [await createUser(), await createUser()];
    await db.$transaction(async (tx) => {
      for (let i = 1; i <= 23; i++) await notify(tx, [owner.id], { kind: 'STAGE_OPENED', title: `第${i}条`, link: '/dashboard' });
      await notify(tx, [other.id], { kind: 'STAGE_OPENED', title: '别人的通知' });
    });
    const first = await listNotifications(owner.id, 1);
    expect(first).toMatchObject({ total: 23, unread: 23, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    expect((await listNotifications(owner.id, 2)).items).toHaveLength(3);
    const othersId = (await db.notification.findFirstOrThrow({ where: { recipientId: other.id } })).id;

    // Another's notice (alone or among one's own) is refused like a missing one, and nothing is marked.
    expect((await rejection(markNotificationsRead({ ids: [othersId] }, context(owner.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(markNotificationsRead({ ids: [first.items[0].id, othersId] }, context(owner.id)))).code).toBe('NOT_FOUND');
    expect(await countUnread(owner.id)).toBe(23);
    expect(await countUnread(other.id)).toBe(1);

    expect(await markNotificationsRead({ ids: [first.items[0].id] }, context(owner.id))).toEqual({ updated: 1 });
    expect(await countUnread(owner.id)).toBe(22);
    expect(await markNotificationsRead({ all: true }, context(owner.id))).toEqual({ updated: 22 });
    expect(await countUnread(owner.id)).toBe(0);
    expect(await countUnread(other.id)).toBe(1);
    const audit = await db.auditLog.findMany({ where: { action: 'read-notifications', actorId: owner.id } });
    expect(audit).toHaveLength(2);
  });
});

describe('the campaign’s reminder SMS setting', () => {
  it('is switched by the owner’s organization department only, with an audit row', async () => {
    const scope = await createDeclarationScope();
    const campaignId = scope.campaign.id;
    expect((await rejection(setReminderSms({ campaignId, enabled: true }, context(scope.westAdmin.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(setReminderSms({ campaignId, enabled: true }, context(scope.committeeAdmin.id)))).code).toBe('FORBIDDEN');
    expect(await setReminderSms({ campaignId, enabled: true }, context(scope.eastAdmin.id))).toEqual({ enabled: true });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { reminderSms: true } })).reminderSms).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'update-campaign', entityId: campaignId, actorId: scope.eastAdmin.id }, orderBy: { id: 'desc' } });
    expect(audit.after).toEqual({ reminderSms: true });
  });
});
