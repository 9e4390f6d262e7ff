import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaptcha } from '@/lib/auth/captcha';
import { cancelCampaign, finishCampaign } from '@/lib/campaign/service';
import { db } from '@/lib/db';
import { canReadFile } from '@/lib/files/access';
import { createLocalStorage } from '@/lib/files/storage';
import { isOnHold, objectionsByEntry } from '@/lib/objections/holds';
import { findObjectionByCode, listCampaignObjections, loadObjectionCase } from '@/lib/objections/queries';
import { isTrackingCode } from '@/lib/objections/schema';
import {
  acceptObjection,
  answerObjection,
  declineObjection,
  fileObjection,
  investigateObjection,
  noteObjection,
  requestObjectionCode,
} from '@/lib/objections/service';
import { finaliseCampaign } from '@/lib/publicity/service';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { createAwardedScope, endPublicity, insertObjection, openPublicity, shanghaiDay } from '../support/publicity';
import { samplePng } from '../support/upload-samples';

const uploadDir = await mkdtemp(path.join(tmpdir(), 'objection-files-'));
const storage = createLocalStorage(uploadDir);
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

let seed = 0;
const newPhone = () => `137${String(Date.now() % 1e5).padStart(5, '0')}${String(seed++ % 1000).padStart(3, '0')}`;
const newIp = () => `10.77.${seed % 250}.${seed++ % 250}`;

async function solved() {
  const { id } = await createCaptcha(db);
  const { answer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id } });
  return { captchaId: id, captchaAnswer: answer };
}

async function sentCode(phone: string): Promise<string> {
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone }, orderBy: { id: 'desc' } });
  return /验证码 (\d{6})/.exec(message.body ?? '')![1];
}

const FACTS = '该品牌申报材料中所列的服务群众人数与实际情况明显不符，请核实。';

/** Requests a code for a fresh phone and files an objection with it. */
async function fileAs(campaignId: string, applicationId: string, extra: { phone?: string; files?: { bytes: Buffer; fileName: string }[] } = {}) {
  const phone = extra.phone ?? newPhone();
  await requestObjectionCode({ campaignId, phone, ...(await solved()) }, newIp());
  const code = await sentCode(phone);
  const filed = await fileObjection({ campaignId, applicationId, name: '王小明', phone, code, contact: '市南区某路 1 号', facts: FACTS }, extra.files ?? [], { ip: '10.1.2.3', storage });
  return { ...filed, phone };
}

async function reader(userId: string) {
  const grants = await db.roleAssignment.findMany({ where: { userId }, include: { organization: true } });
  return { id: userId, roles: grants.map((grant) => ({ role: grant.role, organizationId: grant.organizationId, organizationName: grant.organization.name, organizationPath: grant.organization.path })) };
}

describe('异议: filing', () => {
  it('is refused outside the 公示 period and for an entry that is not in the proposal', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 2 });
    const campaignId = scope.campaign.id;
    const phone = newPhone();
    expect((await rejection(requestObjectionCode({ campaignId, phone, ...(await solved()) }, newIp()))).message).toBe('本活动没有公示');

    await openPublicity(campaignId, scope.cityAdmin.id);
    await requestObjectionCode({ campaignId, phone, ...(await solved()) }, newIp());
    const code = await sentCode(phone);
    const input = { campaignId, name: '王小明', phone, code, facts: FACTS };
    const notAwarded = await rejection(fileObjection({ ...input, applicationId: scope.entries[2].id }));
    expect(notAwarded.code).toBe('INVALID_INPUT');
    expect(notAwarded.message).toBe('该品牌不在公示名单中');

    await endPublicity(campaignId);
    expect((await rejection(fileObjection({ ...input, applicationId: scope.entries[0].id }))).message).toBe('公示阶段已结束，不能提出异议');
    expect((await rejection(requestObjectionCode({ campaignId, phone: newPhone(), ...(await solved()) }, newIp()))).message).toBe('公示阶段已结束，不能提出异议');
    // The refusals spent nothing: the code is still unused, and no objection exists.
    expect(await db.objection.count({ where: { campaignId } })).toBe(0);
    expect(await db.smsCode.count({ where: { phone, usedAt: null } })).toBe(1);
  });

  it('refuses a wrong captcha and a wrong SMS code (the wrong try counts), and a name or facts too short', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const phone = newPhone();
    const { captchaId } = await solved();
    const wrongCaptcha = await rejection(requestObjectionCode({ campaignId, phone, captchaId, captchaAnswer: 'zzzz' }, newIp()));
    expect(wrongCaptcha.fieldErrors).toEqual({ captchaAnswer: '图形验证码不正确' });
    expect(await db.smsCode.count({ where: { phone } })).toBe(0);

    await requestObjectionCode({ campaignId, phone, ...(await solved()) }, newIp());
    const code = await sentCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const input = { campaignId, applicationId: scope.entries[0].id, name: '王小明', phone, facts: FACTS };
    const refused = await rejection(fileObjection({ ...input, code: wrong }));
    expect(refused.message).toBe('验证码不正确');
    expect((await db.smsCode.findFirstOrThrow({ where: { phone } })).attempts).toBe(1);
    expect(await db.objection.count({ where: { campaignId } })).toBe(0);

    await expect(fileObjection({ ...input, code, name: '王' })).rejects.toThrow('请填写真实姓名');
    await expect(fileObjection({ ...input, code, facts: '太短了' })).rejects.toThrow('至少 20 个字');
    const filed = await fileObjection({ ...input, code });
    expect(isTrackingCode(filed.trackingCode)).toBe(true);
  });

  it('lets one phone file at most 3 objections in a campaign', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const phone = newPhone();
    for (let index = 0; index < 3; index += 1) {
      await db.$executeRaw`UPDATE sms_codes SET created_at = now() - interval '2 minutes' WHERE phone = ${phone}`;
      await fileAs(campaignId, scope.entries[index % 2].id, { phone });
    }
    await db.$executeRaw`UPDATE sms_codes SET created_at = now() - interval '2 minutes' WHERE phone = ${phone}`;
    expect((await rejection(fileAs(campaignId, scope.entries[0].id, { phone }))).code).toBe('QUOTA_EXCEEDED');
    expect(await db.objection.count({ where: { campaignId, phone } })).toBe(3);
  });

  it('checks the period, the entry and the code before it decodes any attachment; a bad attachment leaves a right code unspent', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 1 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const phone = newPhone();
    await requestObjectionCode({ campaignId, phone, ...(await solved()) }, newIp());
    const code = await sentCode(phone);
    const script = [{ bytes: Buffer.from('#!/bin/sh\nrm -rf /\n'), fileName: '证据.pdf' }];
    const input = { campaignId, applicationId: scope.entries[0].id, name: '王小明', phone, code, facts: FACTS };
    const attempts = async () => (await db.smsCode.findFirstOrThrow({ where: { phone } })).attempts;

    expect((await rejection(fileObjection({ ...input, applicationId: scope.entries[1].id }, script))).message).toBe('该品牌不在公示名单中');
    expect((await rejection(fileObjection({ ...input, code: code === '000000' ? '111111' : '000000' }, script))).message).toBe('验证码不正确');
    expect(await attempts()).toBe(1);
    // Everything cheap passes: now the attachment is looked at, and refused; the code stays valid for a corrected try.
    const refused = await rejection(fileObjection(input, script));
    expect(refused.fieldErrors).toEqual({ attachments: expect.stringContaining('证据.pdf') });
    expect(await db.smsCode.count({ where: { phone, usedAt: null } })).toBe(1);

    await endPublicity(campaignId);
    expect((await rejection(fileObjection(input, script))).message).toBe('公示阶段已结束，不能提出异议');
    expect(await db.objection.count({ where: { campaignId } })).toBe(0);
    expect(await db.storedFile.count({ where: { originalName: '证据.pdf' } })).toBe(0);
  });
});

describe('异议: handling', () => {
  it('goes 受理 → 调查 → 答复 with events and audit; the objector sees steps and answer, never the notes', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const entryId = scope.entries[0].id;
    const filed = await fileAs(campaignId, entryId, { files: [{ bytes: await samplePng(), fileName: '现场照片.png' }] });
    expect(filed.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);

    const objection = await db.objection.findUniqueOrThrow({ where: { id: filed.objectionId }, include: { files: { include: { file: true } } } });
    expect(objection).toMatchObject({ status: 'RECEIVED', name: '王小明', phone: filed.phone, contact: '市南区某路 1 号', ip: '10.1.2.3' });
    expect(objection.files).toHaveLength(1);
    expect(objection.files[0].file).toMatchObject({ uploadedById: null, kind: 'IMAGE' });
    const filedAudit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Objection', entityId: filed.objectionId, action: 'file-objection' } });
    expect(filedAudit.actorId).toBeNull();
    // The entry is on hold while the objection is open.
    const entriesOnHold = async () => [...(await objectionsByEntry(campaignId)).values()].filter(isOnHold).map((entry) => entry.applicationId);
    expect(await entriesOnHold()).toEqual([entryId]);
    expect((await objectionsByEntry(campaignId)).get(entryId)).toEqual({ applicationId: entryId, open: 1, closed: 0, upheld: false });

    // Evidence is readable by the organizer's ORG_ADMIN only.
    const fileId = objection.files[0].fileId;
    expect(await canReadFile(await reader(scope.cityAdmin.id), fileId)).toBe('private');
    expect(await canReadFile(await reader(scope.westAdmin.id), fileId)).toBe(false);
    expect(await canReadFile(null, fileId)).toBe(false);

    const as = { actorId: scope.cityAdmin.id, ip: '10.0.0.9' };
    // 答复 needs 受理 first.
    expect((await rejection(answerObjection({ objectionId: filed.objectionId, outcome: 'DISMISSED', answer: '经核查，异议反映的情况不属实。' }, as))).code).toBe('CONFLICT');
    await acceptObjection({ objectionId: filed.objectionId }, as);
    await investigateObjection({ objectionId: filed.objectionId, note: '内部：调阅台账并走访社区。' }, as);
    await noteObjection({ objectionId: filed.objectionId, note: '内部：已与申报单位书记谈话。' }, as);
    expect((await rejection(declineObjection({ objectionId: filed.objectionId, reason: '调查中不能不予受理' }, as))).code).toBe('CONFLICT');
    const answer = '经调阅台账和走访核实，服务群众人数与申报材料一致，异议不成立。';
    await answerObjection({ objectionId: filed.objectionId, outcome: 'DISMISSED', answer }, as);

    const closed = await db.objection.findUniqueOrThrow({ where: { id: filed.objectionId }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(closed).toMatchObject({ status: 'ANSWERED', outcome: 'DISMISSED', answer });
    expect(closed.answeredAt).toBeInstanceOf(Date);
    expect(closed.events.map((event) => [event.step, event.actorId])).toEqual([
      ['FILED', null],
      ['ACCEPTED', scope.cityAdmin.id],
      ['INVESTIGATING', scope.cityAdmin.id],
      ['NOTE', scope.cityAdmin.id],
      ['ANSWERED', scope.cityAdmin.id],
    ]);
    const audit = await db.auditLog.findMany({ where: { entityType: 'Objection', entityId: filed.objectionId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['file-objection', 'accept-objection', 'investigate-objection', 'note-objection', 'answer-objection']);
    expect(audit.slice(1).every((row) => row.actorId === scope.cityAdmin.id && row.ip === '10.0.0.9')).toBe(true);
    expect(await entriesOnHold()).toEqual([]);
    expect((await objectionsByEntry(campaignId)).get(entryId)).toEqual({ applicationId: entryId, open: 0, closed: 1, upheld: false });
    // Closed is read-only.
    expect((await rejection(noteObjection({ objectionId: filed.objectionId, note: '补充一条记录' }, as))).message).toContain('已办结');

    const view = await findObjectionByCode(` ${filed.trackingCode.toLowerCase().slice(0, 6)}-${filed.trackingCode.slice(6)} `);
    expect(view).toMatchObject({ status: 'ANSWERED', outcome: 'DISMISSED', answer, objectorName: '王**' });
    expect(view?.events.map((event) => event.step)).toEqual(['FILED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED']);
    expect(JSON.stringify(view)).not.toContain('内部');
    expect(JSON.stringify(view)).not.toContain(filed.phone);
    expect(await findObjectionByCode('NOSUCHCODE22')).toBeNull();
    expect(await findObjectionByCode('<script>')).toBeNull();

    const list = await listCampaignObjections(campaignId, { page: 1 });
    expect(list.byStatus).toEqual({ ANSWERED: 1 });
    const staffCase = await loadObjectionCase(campaignId, filed.objectionId);
    expect(staffCase?.events.find((event) => event.step === 'NOTE')?.note).toBe('内部：已与申报单位书记谈话。');
  });

  it('staff of another subtree cannot handle an objection', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const filed = await fileAs(campaignId, scope.entries[1].id);
    const siblingOrg = await createOrg({ levelLabel: '市委' });
    const siblingAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: siblingOrg.id }] });
    const westOrgAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.westDistrict.id }] });
    for (const actorId of [scope.westAdmin.id, siblingAdmin.id, westOrgAdmin.id]) {
      const as = { actorId };
      expect((await rejection(acceptObjection({ objectionId: filed.objectionId }, as))).code).toBe('FORBIDDEN');
      expect((await rejection(declineObjection({ objectionId: filed.objectionId, reason: '不属于本次公示范围' }, as))).code).toBe('FORBIDDEN');
      expect((await rejection(noteObjection({ objectionId: filed.objectionId, note: '越权写入的记录' }, as))).code).toBe('FORBIDDEN');
    }
    const objection = await db.objection.findUniqueOrThrow({ where: { id: filed.objectionId }, include: { events: true } });
    expect(objection.status).toBe('RECEIVED');
    expect(objection.events).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: filed.objectionId, action: { not: 'file-objection' } } })).toBe(0);
  });

  it('lets exactly one of two parallel answers through; 不予受理 closes with the reason as the answer', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const as = { actorId: scope.cityAdmin.id };
    const first = await fileAs(campaignId, scope.entries[0].id);
    await acceptObjection({ objectionId: first.objectionId }, as);
    const results = await Promise.allSettled([
      answerObjection({ objectionId: first.objectionId, outcome: 'UPHELD', answer: '经核查，异议反映情况属实，暂缓表彰。' }, as),
      answerObjection({ objectionId: first.objectionId, outcome: 'DISMISSED', answer: '经核查，异议反映情况不属实。' }, as),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('CONFLICT');
    expect(await db.objectionEvent.count({ where: { objectionId: first.objectionId, step: 'ANSWERED' } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: first.objectionId, action: 'answer-objection' } })).toBe(1);

    const second = await fileAs(campaignId, scope.entries[1].id);
    await declineObjection({ objectionId: second.objectionId, reason: '异议未提供具体事实，不予受理。' }, as);
    expect(await findObjectionByCode(second.trackingCode)).toMatchObject({ status: 'DECLINED', outcome: null, answer: '异议未提供具体事实，不予受理。' });
  });
});

describe('异议 and the end of the campaign', () => {
  /** Every handling step on `objectionId`, each refused: the messages in order. */
  async function handlingRefusals(objectionId: string, actorId: string) {
    const as = { actorId };
    const refusals = [
      await rejection(acceptObjection({ objectionId }, as)),
      await rejection(investigateObjection({ objectionId, note: '调取申报材料原件核对' }, as)),
      await rejection(noteObjection({ objectionId, note: '结束后补写的记录' }, as)),
      await rejection(answerObjection({ objectionId, outcome: 'DISMISSED', answer: '经核查，异议反映情况不属实。' }, as)),
      await rejection(declineObjection({ objectionId, reason: '异议未提供具体事实，不予受理。' }, as)),
    ];
    expect(refusals.every((error) => error.code === 'STAGE_LOCKED')).toBe(true);
    return [...new Set(refusals.map((error) => error.message))];
  }

  it('answers after the 公示, refuses a new one after the 表彰决定, finishes only with every objection answered, then handles none', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    const as = { actorId: scope.cityAdmin.id };
    await openPublicity(campaignId, scope.cityAdmin.id);
    const filed = await fileAs(campaignId, scope.entries[0].id);
    await acceptObjection({ objectionId: filed.objectionId }, as);
    await endPublicity(campaignId);
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 hour', ends_at = now() + interval '10 days' WHERE campaign_id = ${campaignId} AND kind = 'ANNOUNCEMENT'`;

    // An objection still open keeps the campaign from ending: once finished, nobody could answer it any more.
    expect(await rejection(finishCampaign({ campaignId }, as))).toMatchObject({ code: 'CONFLICT', message: '还有 1 件异议未办结，全部答复后才能结束活动' });
    // The 公示 is over, the campaign still runs: the answer comes now.
    await answerObjection({ objectionId: filed.objectionId, outcome: 'DISMISSED', answer: '经核查，异议反映情况不属实。' }, as);
    await finaliseCampaign({ campaignId, title: '关于命名表彰优秀党建品牌的决定', documentNo: '示范组通〔2026〕18号', preamble: '经逐级推荐、评审和公示，决定予以通报表扬。', issuedOn: shanghaiDay() }, as);

    // After the 表彰决定 the 公示 is over for good, even were its stage moved again.
    await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'PUBLICITY'`;
    expect(await rejection(requestObjectionCode({ campaignId, phone: newPhone(), ...(await solved()) }, newIp()))).toMatchObject({
      code: 'STAGE_LOCKED',
      message: '表彰决定已经发布，公示已结束，不能再提出异议',
    });
    await endPublicity(campaignId);

    await finishCampaign({ campaignId }, as);
    expect(await rejection(requestObjectionCode({ campaignId, phone: newPhone(), ...(await solved()) }, newIp()))).toMatchObject({ message: '活动已结束，不能提出异议' });
    // An objection left open from before this rule (written straight to the database) stays as it is.
    const leftover = await insertObjection(campaignId, scope.entries[1].id, { status: 'ACCEPTED' });
    expect(await handlingRefusals(leftover.id, scope.cityAdmin.id)).toEqual(['活动已结束，不能办理异议']);
    expect(await db.objection.findUniqueOrThrow({ where: { id: leftover.id }, select: { status: true, _count: { select: { events: true } } } })).toEqual({ status: 'ACCEPTED', _count: { events: 1 } });
    expect(await db.auditLog.count({ where: { entityId: leftover.id } })).toBe(0);
  });

  it('handles nothing and takes nothing new in a cancelled campaign', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    const filed = await fileAs(campaignId, scope.entries[0].id);
    await cancelCampaign({ campaignId, reason: '评选工作调整，本次活动撤销' }, { actorId: scope.cityAdmin.id });

    expect(await handlingRefusals(filed.objectionId, scope.cityAdmin.id)).toEqual(['活动已撤销，不能办理异议']);
    expect(await db.objection.findUniqueOrThrow({ where: { id: filed.objectionId }, select: { status: true } })).toEqual({ status: 'RECEIVED' });
    expect(await rejection(requestObjectionCode({ campaignId, phone: newPhone(), ...(await solved()) }, newIp()))).toMatchObject({
      code: 'STAGE_LOCKED',
      message: '活动已撤销，不能提出异议',
    });
  });
});
