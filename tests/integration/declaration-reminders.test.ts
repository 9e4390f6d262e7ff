import { describe, expect, it } from 'vitest';
import { deliverQueuedSms } from '@/lib/jobs/sms-delivery';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { getOrCreateDraft, returnApplication, submitApplication } from '@/lib/application/service';
import { getDeclarationProgressForUser, listRemindersForSecretary } from '@/lib/declaration-reminder/queries';
import { remindBranches } from '@/lib/declaration-reminder/service';
import { createTestCampaign, startDeclarationInPast } from '../support/campaigns';
import { completeValues, setDeclarationWindow } from '../support/declarations';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';

const context = (actorId: string) => ({ actorId, ip: '10.9.17.15' });
let phoneCounter = 0;
const uniquePhone = () => `137${String((Date.now() % 1e6) * 100 + (phoneCounter++ % 100)).padStart(8, '0').slice(-8)}`;

async function secretaryOf(organizationId: string, phone: string | null = uniquePhone()) {
  const user = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId }] });
  return db.user.update({ where: { id: user.id }, data: { phone } });
}

/**
 * A city campaign in its 申报 stage. Under the east 党工委 `committee`: A (not started, secretary + a phone on the
 * org record), B (draft), C (returned), D (submitted), a 党小组 G below A (not started), and three that may not
 * declare: E (no secretary), F (inactive), H (its secretary's account disabled). The west 党工委 has its own branch W.
 */
async function createReminderScope() {
  const city = await createOrg({ levelLabel: '市委' });
  const district = await createOrg({ parent: city, levelLabel: '区委' });
  const committee = await createOrg({ parent: district, levelLabel: '党工委' });
  const westCommittee = await createOrg({ parent: district, levelLabel: '党工委' });
  const cityAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const committeeAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const westAdmin = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: westCommittee.id }] });
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: cityAdmin.id, publish: true });
  await startDeclarationInPast(campaign.id);

  const orgPhone = uniquePhone();
  const a = await createOrg({ parent: committee, name: `甲支部${phoneCounter}` });
  await db.organization.update({ where: { id: a.id }, data: { secretaryPhone: orgPhone } });
  const b = await createOrg({ parent: committee, name: `乙支部${phoneCounter}` });
  const c = await createOrg({ parent: committee, name: `丙支部${phoneCounter}` });
  const d = await createOrg({ parent: committee, name: `丁支部${phoneCounter}` });
  const g = await createOrg({ parent: a, name: `甲支部第一党小组${phoneCounter}`, levelLabel: '党小组' });
  const e = await createOrg({ parent: committee, name: `戊支部${phoneCounter}` });
  const f = await createOrg({ parent: committee, name: `己支部${phoneCounter}` });
  const h = await createOrg({ parent: committee, name: `庚支部${phoneCounter}` });
  const w = await createOrg({ parent: westCommittee, name: `西区支部${phoneCounter}` });
  const secretaries = {
    a: await secretaryOf(a.id),
    b: await secretaryOf(b.id),
    c: await secretaryOf(c.id),
    d: await secretaryOf(d.id),
    g: await secretaryOf(g.id, null),
    f: await secretaryOf(f.id),
    h: await secretaryOf(h.id),
    w: await secretaryOf(w.id),
  };
  await db.organization.update({ where: { id: f.id }, data: { isActive: false } });
  await db.user.update({ where: { id: secretaries.h.id }, data: { isDisabled: true } });

  const values = await completeValues(campaign.id);
  await getOrCreateDraft({ campaignId: campaign.id, organizationId: b.id }, context(secretaries.b.id));
  for (const [org, secretary, name] of [[c, secretaries.c, '丙品牌'], [d, secretaries.d, '丁品牌']] as const) {
    const draft = await getOrCreateDraft({ campaignId: campaign.id, organizationId: org.id }, context(secretary.id));
    await submitApplication({ applicationId: draft.id, revision: 0, values: { ...values, brandName: name } }, context(secretary.id));
    if (org === c) await returnApplication({ applicationId: draft.id, reason: '请补充主要做法的数据' }, context(committeeAdmin.id));
  }
  return { city, committee, westCommittee, cityAdmin, committeeAdmin, westAdmin, campaign, orgs: { a, b, c, d, e, f, g, h, w }, secretaries, orgPhone };
}

/** The text messages queued for these phones (the SMS outbox; the job workers send them). */
const smsTo = (phones: string[]) => db.smsOutbox.findMany({ where: { phone: { in: phones } }, select: { id: true, phone: true, text: true } });

describe('催报: which branches have not declared', () => {
  it('lists exactly the eligible branches of the subtree that have not submitted, with their state and counts', async () => {
    const scope = await createReminderScope();
    const progress = await getDeclarationProgressForUser(scope.campaign.id, scope.committee.id, await loadGrants(db, scope.committeeAdmin.id));
    expect(progress?.refusal).toBeNull();
    expect(progress?.counts).toEqual({ eligible: 5, submitted: 1, NOT_STARTED: 2, DRAFT: 1, RETURNED: 1 });
    expect(progress?.pending.map((branch) => [branch.id, branch.state])).toEqual([
      [scope.orgs.a.id, 'NOT_STARTED'],
      [scope.orgs.g.id, 'NOT_STARTED'],
      [scope.orgs.b.id, 'DRAFT'],
      [scope.orgs.c.id, 'RETURNED'],
    ]);
    expect(progress?.pending[0].phones.sort()).toEqual([scope.secretaries.a.phone!, scope.orgPhone].sort());
    expect(await getDeclarationProgressForUser(scope.campaign.id, scope.committee.id, await loadGrants(db, scope.westAdmin.id))).toBeNull();
  });
});

describe('催报: sending', () => {
  it('queues texts to the branch secretaries’ phones in the same transaction, records and audits it, and refuses a second reminder the same day', async () => {
    const scope = await createReminderScope();
    const result = await remindBranches({ campaignId: scope.campaign.id, organizationId: scope.committee.id, branchIds: [scope.orgs.a.id] }, context(scope.committeeAdmin.id));
    expect(result).toEqual({ reminded: 1, messages: 2, withoutPhone: [] });
    const sent = await smsTo([scope.secretaries.a.phone!, scope.orgPhone, scope.secretaries.b.phone!]);
    expect(sent.map((message) => message.phone).sort()).toEqual([scope.secretaries.a.phone!, scope.orgPhone].sort());
    expect(sent[0].text).toContain(scope.orgs.a.name);
    expect(sent[0].text).toContain('尚未填写申报表');
    // The sms job sends each once: run here (a job worker of another test file may take it first), a second run finds
    // it claimed.
    for (const message of sent) await deliverQueuedSms(message.id);
    await expect.poll(() => db.smsOutbox.count({ where: { id: { in: sent.map((message) => message.id) }, status: 'SENT' } })).toBe(2);
    expect(await deliverQueuedSms(sent[0].id)).toBe('skipped');
    const delivered = await db.smsMessage.findMany({ where: { phone: { in: [scope.secretaries.a.phone!, scope.orgPhone] } }, select: { body: true } });
    expect(delivered).toHaveLength(2);
    expect(delivered[0].body).toContain('尚未填写申报表');
    expect(await db.declarationReminder.findMany({ where: { campaignId: scope.campaign.id }, select: { organizationId: true, senderOrgId: true, sentById: true, branchState: true, sentCount: true } })).toEqual([
      { organizationId: scope.orgs.a.id, senderOrgId: scope.committee.id, sentById: scope.committeeAdmin.id, branchState: 'NOT_STARTED', sentCount: 2 },
    ]);
    expect(await db.auditLog.count({ where: { action: 'remind-declaration', entityId: scope.campaign.id, actorId: scope.committeeAdmin.id } })).toBe(1);
    // The in-app record the branch secretary sees on 品牌申报; none for a branch not reminded.
    expect(await listRemindersForSecretary(await loadGrants(db, scope.secretaries.a.id))).toEqual([
      expect.objectContaining({ branchName: scope.orgs.a.name, senderName: scope.committee.name, campaignTitle: scope.campaign.title }),
    ]);
    expect(await listRemindersForSecretary(await loadGrants(db, scope.secretaries.b.id))).toEqual([]);

    const again = await rejection(remindBranches({ campaignId: scope.campaign.id, organizationId: scope.committee.id, branchIds: [scope.orgs.a.id] }, context(scope.committeeAdmin.id)));
    expect({ code: again.code, message: again.message }).toEqual({ code: 'CONFLICT', message: `“${scope.orgs.a.name}”今天已催报过，每个支部每天只能催报一次` });
    expect(await smsTo([scope.secretaries.a.phone!, scope.orgPhone])).toHaveLength(2);
    const progress = await getDeclarationProgressForUser(scope.campaign.id, scope.committee.id, await loadGrants(db, scope.committeeAdmin.id));
    expect(progress?.pending.find((branch) => branch.id === scope.orgs.a.id)?.remindedToday).toBe(true);

    // 一键催报: the others, once each; A (already reminded today) is skipped; G has no phone but is recorded.
    const bulk = await remindBranches({ campaignId: scope.campaign.id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id));
    expect(bulk).toEqual({ reminded: 3, messages: 2, withoutPhone: [scope.orgs.g.name] });
    expect((await smsTo([scope.secretaries.b.phone!, scope.secretaries.c.phone!, scope.secretaries.d.phone!])).map((message) => message.phone).sort()).toEqual(
      [scope.secretaries.b.phone!, scope.secretaries.c.phone!].sort(),
    );
    expect((await smsTo([scope.secretaries.c.phone!]))[0].text).toContain('被退回的申报表尚未重新提交');
    const bulkAgain = await rejection(remindBranches({ campaignId: scope.campaign.id, organizationId: scope.committee.id }, context(scope.committeeAdmin.id)));
    expect(bulkAgain.message).toBe('未提交的支部今天都已催报过，每个支部每天只能催报一次');
  });

  it('sends exactly once when the same branch is reminded by parallel requests', async () => {
    const scope = await createReminderScope();
    const second = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: scope.committee.id }] });
    const admins = [scope.committeeAdmin.id, second.id];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) => remindBranches({ campaignId: scope.campaign.id, organizationId: scope.committee.id, branchIds: [scope.orgs.b.id] }, context(admins[index % 2]))),
    );
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled' || (outcome.reason as { code?: string }).code === 'CONFLICT')).toBe(true);
    expect(await smsTo([scope.secretaries.b.phone!])).toHaveLength(1);
    expect(await db.declarationReminder.count({ where: { campaignId: scope.campaign.id, organizationId: scope.orgs.b.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'remind-declaration', entityId: scope.campaign.id } })).toBe(1);
  });

  it('refuses another subtree’s admin, branches outside the subtree, submitted ones, and outside the 申报 stage', async () => {
    const scope = await createReminderScope();
    const remind = (actorId: string, organizationId: string, branchIds?: string[]) => rejection(remindBranches({ campaignId: scope.campaign.id, organizationId, branchIds }, context(actorId)));
    expect((await remind(scope.westAdmin.id, scope.committee.id, [scope.orgs.a.id])).code).toBe('FORBIDDEN');
    expect((await remind(scope.westAdmin.id, scope.committee.id)).code).toBe('FORBIDDEN');
    expect((await remind(scope.westAdmin.id, scope.westCommittee.id, [scope.orgs.a.id])).code).toBe('FORBIDDEN');
    expect((await remind(scope.committeeAdmin.id, scope.committee.id, [scope.orgs.w.id])).code).toBe('FORBIDDEN');
    expect((await remind(scope.committeeAdmin.id, scope.committee.id, [scope.orgs.e.id])).code).toBe('FORBIDDEN');
    expect((await remind(scope.cityAdmin.id, scope.committee.id, [scope.orgs.a.id])).code).toBe('FORBIDDEN');
    expect((await remind(scope.committeeAdmin.id, scope.committee.id, [scope.orgs.d.id])).code).toBe('CONFLICT');

    await setDeclarationWindow(scope.campaign.id, 'closed');
    const closed = await remind(scope.committeeAdmin.id, scope.committee.id, [scope.orgs.a.id]);
    expect({ code: closed.code, message: closed.message }).toEqual({ code: 'STAGE_LOCKED', message: '申报阶段已结束，不能再催报' });
    const progress = await getDeclarationProgressForUser(scope.campaign.id, scope.committee.id, await loadGrants(db, scope.committeeAdmin.id));
    expect(progress?.refusal?.message).toBe('申报阶段已结束，不能再催报');
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() + interval '1 hour', ends_at = now() + interval '2 hours' WHERE campaign_id = ${scope.campaign.id} AND kind = 'DECLARATION'`;
    expect((await remind(scope.committeeAdmin.id, scope.committee.id)).message).toBe('申报尚未开始，开始后才能催报');
    expect(await db.declarationReminder.count({ where: { campaignId: scope.campaign.id } })).toBe(0);
    expect(await smsTo(Object.values(scope.secretaries).flatMap((user) => user.phone ?? []))).toHaveLength(0);
  });
});
