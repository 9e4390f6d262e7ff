import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { closeStageNow } from '@/lib/campaign/service';
import { currentStage } from '@/lib/campaign/stages';
import { loadPublicityAdmin, loadPublicPublicity } from '@/lib/publicity/queries';
import { ZContactPhone } from '@/lib/publicity/schema';
import { finaliseCampaign, publishPublicity, revokeHonor } from '@/lib/publicity/service';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { createAwardedScope, endPublicity, insertObjection, openPublicity, shanghaiDay } from '../support/publicity';

const finalInput = (campaignId: string) => ({
  campaignId,
  title: '关于命名表彰优秀党建品牌的决定',
  documentNo: '示范组通〔2026〕12号',
  preamble: '为深入推进党建品牌创建工作，经逐级推荐、资格审查、网络投票、专家评审、实地核验和公示，决定对以下党建品牌予以通报表扬。',
  issuedOn: shanghaiDay(),
});

describe('公示 and 通报表扬', () => {
  it('publishes the signed 审定 once, for the organizer only, and shows the awarded entries by award', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 2 });
    const campaignId = scope.campaign.id;
    const days = { campaignId, startsOn: shanghaiDay(), endsOn: shanghaiDay(4), contactPhone: '0571 8888 6666', contactAddress: '示范市人民路 1 号市委组织部 305 室' };

    const otherAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: (await createOrg()).id }] });
    expect((await rejection(publishPublicity(days, { actorId: otherAdmin.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(publishPublicity(days, { actorId: scope.westAdmin.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(publishPublicity({ ...days, endsOn: shanghaiDay(-1) }, { actorId: scope.cityAdmin.id }))).message).toContain('不能早于开始日期');

    await publishPublicity({ ...days, notice: '请实名反映。' }, { actorId: scope.cityAdmin.id });
    expect((await rejection(publishPublicity(days, { actorId: scope.cityAdmin.id }))).message).toBe('本活动已经发布公示');

    const stage = await db.campaignStage.findUniqueOrThrow({ where: { campaignId_kind: { campaignId, kind: 'PUBLICITY' } } });
    const publicity = await db.publicity.findFirstOrThrow({ where: { campaignId } });
    expect(stage.startsAt).toEqual(publicity.startsAt);
    expect(stage.endsAt).toEqual(publicity.endsAt);
    expect(publicity.endsAt.getTime() - publicity.startsAt.getTime()).toBe(5 * 86_400_000);
    // The phone (normalised) and the address follow the notice on lines of their own: the 公示 page and the objection form read them there.
    expect(publicity.notice).toBe('请实名反映。\n联系电话：0571-88886666\n通讯地址：示范市人民路 1 号市委组织部 305 室');

    const page = await loadPublicPublicity(campaignId);
    expect(page?.phase).toBe('open');
    expect(page?.total).toBe(2);
    expect(page?.groups.map((group) => group.entries.map((entry) => entry.id))).toEqual([[scope.entries[0].id, scope.entries[1].id]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'publish-publicity', entityId: publicity.id } });
    expect(audit.actorId).toBe(scope.cityAdmin.id);
  });

  it('refuses a 公示 without a contact phone or address, and a phone nobody can call', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 1 });
    const campaignId = scope.campaign.id;
    const admin = { actorId: scope.cityAdmin.id };
    const days = { campaignId, startsOn: shanghaiDay(), endsOn: shanghaiDay(4), contactPhone: '0571-88886666', contactAddress: '示范市人民路 1 号市委组织部 305 室' };

    const noPhone = await rejection(publishPublicity({ ...days, contactPhone: '  ' }, admin));
    expect(noPhone).toMatchObject({ code: 'INVALID_INPUT', message: '请填写联系电话' });
    const noAddress = await rejection(publishPublicity({ ...days, contactAddress: '' }, admin));
    expect(noAddress).toMatchObject({ code: 'INVALID_INPUT', message: '请填写受理异议的通讯地址（至少 5 个字）' });
    for (const contactPhone of ['0571-888866', '1234', '139 0000 001', 'abc-88886666']) {
      expect((await rejection(publishPublicity({ ...days, contactPhone }, admin))).message).toBe('联系电话格式不正确：请填写手机号或带区号的固定电话，如 0571-88886666');
    }
    expect(await db.publicity.count({ where: { campaignId } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'publish-publicity', after: { path: ['campaignId'], equals: campaignId } } })).toBe(0);

    // Mobiles and landlines as people type them.
    expect(['139 0000 0011', '010 6655 4433', '（0571）88886666', '0571-88886666-802', '400-810-5555', '12380'].map((value) => ZContactPhone.parse(value))).toEqual([
      '13900000011',
      '010-66554433',
      '0571-88886666',
      '0571-88886666-802',
      '400-810-5555',
      '12380',
    ]);
    await publishPublicity({ ...days, contactPhone: '139 0000 0011' }, admin);
    expect((await db.publicity.findFirstOrThrow({ where: { campaignId } })).notice).toBe('联系电话：13900000011\n通讯地址：示范市人民路 1 号市委组织部 305 室');
  });

  it('refuses a 表彰决定 without 文号', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 2 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    await endPublicity(campaignId);
    for (const documentNo of ['', '   ']) {
      const refused = await rejection(finaliseCampaign({ ...finalInput(campaignId), documentNo }, { actorId: scope.cityAdmin.id }));
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: '请填写文号，如：示范市委组织部〔2026〕12号' });
    }
    expect(await db.announcement.count({ where: { campaignId } })).toBe(0);
    expect(await db.honor.count({ where: { campaignId } })).toBe(0);
    await finaliseCampaign(finalInput(campaignId), { actorId: scope.cityAdmin.id });
    expect((await db.announcement.findUniqueOrThrow({ where: { campaignId } })).documentNo).toBe('示范组通〔2026〕12号');
  });

  it('refuses to finalise before the 公示 ends and while any objection is open', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 3 });
    const campaignId = scope.campaign.id;
    const admin = { actorId: scope.cityAdmin.id };
    expect((await rejection(finaliseCampaign(finalInput(campaignId), admin))).message).toContain('请先发布公示');
    await openPublicity(campaignId, scope.cityAdmin.id);
    expect((await rejection(finaliseCampaign(finalInput(campaignId), admin))).message).toBe('公示阶段仍在进行中，结束后才能发布表彰决定');

    const open = await insertObjection(campaignId, scope.entries[1].id, { status: 'INVESTIGATING' });
    await insertObjection(campaignId, scope.entries[2].id, { status: 'ANSWERED', outcome: 'DISMISSED' });
    await endPublicity(campaignId);
    const refused = await rejection(finaliseCampaign(finalInput(campaignId), admin));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe('还有 1 件异议未办结，全部答复后才能发布表彰决定');
    expect(await db.announcement.count({ where: { campaignId } })).toBe(0);
    expect(await db.honor.count({ where: { campaignId } })).toBe(0);
    expect((await loadPublicityAdmin(campaignId)).openObjections).toBe(1);

    // Answered (not upheld): every entry is honored.
    await db.objection.update({ where: { id: open.id }, data: { status: 'ANSWERED', outcome: 'DISMISSED', answer: '经核查，异议不成立。', answeredAt: new Date() } });
    const result = await finaliseCampaign(finalInput(campaignId), admin);
    expect(result.honors).toBe(3);
  });

  it('keeps an entry with an upheld objection out of the 表彰决定, numbers the certificates and audits it', async () => {
    const scope = await createAwardedScope({ entries: 4, awarded: 3 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    await insertObjection(campaignId, scope.entries[0].id, { status: 'ANSWERED', outcome: 'UPHELD' });
    await insertObjection(campaignId, scope.entries[1].id, { status: 'DECLINED' });
    await endPublicity(campaignId);

    expect((await rejection(finaliseCampaign(finalInput(campaignId), { actorId: scope.westAdmin.id }))).code).toBe('FORBIDDEN');
    const result = await finaliseCampaign(finalInput(campaignId), { actorId: scope.cityAdmin.id });
    expect(result.honors).toBe(2);
    const honors = await db.honor.findMany({ where: { campaignId }, orderBy: { sortOrder: 'asc' } });
    // Entry 0 is withheld, entry 3 had no award.
    expect(honors.map((honor) => honor.applicationId)).toEqual([scope.entries[1].id, scope.entries[2].id]);
    const year = shanghaiDay().slice(0, 4);
    for (const honor of honors) expect(honor.certificateNo).toMatch(new RegExp(`^DJPP-${year}-\\d{6}$`));
    expect(new Set(honors.map((honor) => honor.certificateNo)).size).toBe(2);
    const brand = await db.application.findUniqueOrThrow({ where: { id: scope.entries[1].id }, select: { brandName: true, organization: { select: { name: true } } } });
    expect(honors[0]).toMatchObject({ brandName: brand.brandName, organizationName: brand.organization.name, awardName: scope.award.name, revokedAt: null });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'finalise-campaign', entityId: result.announcementId } });
    expect(audit.after).toMatchObject({ honors: 2, withheld: [scope.entries[0].id] });
    expect((await rejection(finaliseCampaign(finalInput(campaignId), { actorId: scope.cityAdmin.id }))).message).toBe('表彰决定已经发布');
  });

  it('two staff finalising at once publish exactly one 表彰决定', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 3 });
    const campaignId = scope.campaign.id;
    const colleague = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.city.id }] });
    await openPublicity(campaignId, scope.cityAdmin.id);
    await endPublicity(campaignId);
    const outcomes = await Promise.allSettled([scope.cityAdmin.id, colleague.id, scope.cityAdmin.id, colleague.id].map((actorId) => finaliseCampaign(finalInput(campaignId), { actorId })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await db.announcement.count({ where: { campaignId } })).toBe(1);
    expect(await db.honor.count({ where: { campaignId } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: 'finalise-campaign', after: { path: ['campaignId'], equals: campaignId } } })).toBe(1);
  });

  it('a campaign without 公示 finalises straight after 审定; 摘牌 keeps the record with its date and reason', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 2 });
    const campaignId = scope.campaign.id;
    await db.campaign.update({ where: { id: campaignId }, data: { publicityEnabled: false } });
    await db.campaignStage.update({ where: { campaignId_kind: { campaignId, kind: 'PUBLICITY' } }, data: { isEnabled: false } });
    expect((await rejection(openPublicity(campaignId, scope.cityAdmin.id))).message).toContain('不公示');
    await finaliseCampaign(finalInput(campaignId), { actorId: scope.cityAdmin.id });
    const honor = await db.honor.findFirstOrThrow({ where: { campaignId }, orderBy: { sortOrder: 'asc' } });

    expect((await rejection(revokeHonor({ honorId: honor.id, reason: '存在弄虚作假问题' }, { actorId: scope.westAdmin.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(revokeHonor({ honorId: honor.id, reason: '短' }, { actorId: scope.cityAdmin.id }))).code).toBe('INVALID_INPUT');
    await revokeHonor({ honorId: honor.id, reason: '存在弄虚作假问题' }, { actorId: scope.cityAdmin.id });
    const revoked = await db.honor.findUniqueOrThrow({ where: { id: honor.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(revoked.revokeReason).toBe('存在弄虚作假问题');
    expect((await rejection(revokeHonor({ honorId: honor.id, reason: '再次摘牌理由' }, { actorId: scope.cityAdmin.id }))).message).toBe('该品牌已经摘牌');
    await expect(db.$executeRaw`UPDATE honors SET revoke_reason = NULL WHERE id = ${honor.id}`).rejects.toThrow(/honors_revoked_check/);
  });

  it('has one stage truth: a 公示 under way is the current stage, and 提前结束 of the 公示 stage ends the 公示 on every page', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 1 });
    const campaignId = scope.campaign.id;
    const admin = { actorId: scope.cityAdmin.id };
    // 初评审定 still runs by its dates when the 公示 goes out.
    await db.campaignStage.update({
      where: { campaignId_kind: { campaignId, kind: 'DELIBERATION' } },
      data: { isEnabled: true, startsAt: new Date(Date.now() - 3 * 86_400_000), endsAt: new Date(Date.now() + 5 * 86_400_000) },
    });
    await openPublicity(campaignId, scope.cityAdmin.id);
    const publicity = await db.publicity.findFirstOrThrow({ where: { campaignId } });
    const stages = await db.campaignStage.findMany({ where: { campaignId } });
    const now = new Date();
    expect(currentStage(stages, now)?.kind).toBe('PUBLICITY');
    expect(stages.find((stage) => stage.kind === 'DELIBERATION')?.endsAt).toEqual(publicity.startsAt);

    expect((await rejection(finaliseCampaign(finalInput(campaignId), admin))).message).toBe('公示阶段仍在进行中，结束后才能发布表彰决定');
    await closeStageNow({ campaignId, kind: 'PUBLICITY' }, admin);
    expect((await loadPublicityAdmin(campaignId)).publicity?.phase).toBe('ended');
    expect((await loadPublicPublicity(campaignId))?.phase).toBe('ended');
    const after = await db.campaignStage.findMany({ where: { campaignId } });
    expect(currentStage(after, new Date())?.kind).not.toBe('PUBLICITY');
    await finaliseCampaign(finalInput(campaignId), admin);
    expect(await db.honor.count({ where: { campaignId } })).toBe(1);
  });
});
