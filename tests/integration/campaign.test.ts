import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { campaignToSetup } from '@/lib/campaign/setup-values';
import { closeStageNow, createCampaign, openStageNow, publishCampaign, updateCampaign } from '@/lib/campaign/service';
import { rubricTotal } from '@/lib/campaign/templates';
import { campaignSetup, createCampaignScope, createTestCampaign, startDeclarationInPast } from '../support/campaigns';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.0.2' });

async function storedSetup(campaignId: string) {
  return campaignToSetup((await getCampaignDetail(campaignId))!);
}


describe('creating a campaign', () => {
  it('writes stages, fields, rubric, awards and the audit row from the defaults', async () => {
    const scope = await createCampaignScope();
    const { campaign, setup } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id });
    const stored = await db.campaign.findUniqueOrThrow({
      where: { id: campaign.id },
      include: { stages: true, fields: true, rubric: { include: { criteria: true } }, awards: { include: { field: true } }, quotas: true },
    });
    expect(stored).toMatchObject({ status: 'DRAFT', title: setup.title, defaultQuota: 5, expertWeight: 70, voteWeight: 30, publicityEnabled: true, createdById: scope.eastAdmin.id });
    expect(stored.stages).toHaveLength(9);
    expect(stored.fields.map((field) => field.name).sort()).toEqual(setup.fields.map((field) => field.name).sort());
    expect(stored.rubric?.template).toBe('FOUR_HAVE_ONE_GOOD');
    expect(rubricTotal(stored.rubric!.criteria)).toBe(100);
    const perField = stored.awards.filter((award) => award.kind === 'BEST_IN_FIELD');
    expect(perField).toHaveLength(stored.fields.length);
    expect(perField.every((award) => award.field && award.name === `最佳${award.field.name}领域党建品牌`)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: campaign.id, action: 'create-campaign' } });
    expect(audit.actorId).toBe(scope.eastAdmin.id);
    expect(audit.after).toMatchObject({ status: 'DRAFT', title: setup.title });
    expect(await storedSetup(campaign.id)).toEqual(setup);
  });

  it('writes everything and its audit row in one transaction: a failure after it leaves nothing', async () => {
    const scope = await createCampaignScope();
    const setup = await campaignSetup(scope.east.id);
    await expect(
      db.$transaction(async (tx) => {
        await createCampaign(setup, { ...context(scope.eastAdmin.id), tx });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.campaign.count({ where: { title: setup.title } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'create-campaign', actorId: scope.eastAdmin.id } })).toBe(0);
  });

  it('may publish at once, with quota overrides inside the owner’s subtree', async () => {
    const scope = await createCampaignScope();
    const overrides = [{ organizationId: scope.eastCommittee.id, limit: 8 }];
    const { campaign, setup } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true, changes: {} });
    expect(campaign.status).toBe('PUBLISHED');
    await updateCampaign({ ...setup, id: campaign.id, quotas: { ...setup.quotas, overrides } }, context(scope.eastAdmin.id));
    expect(await db.quota.findMany({ where: { campaignId: campaign.id }, select: { organizationId: true, limit: true } })).toEqual(overrides);
  });

  it('refuses a quota for an organization outside the owner’s subtree, and an owner the admin does not administer', async () => {
    const scope = await createCampaignScope();
    const setup = await campaignSetup(scope.east.id);
    const outside = await rejection(
      createCampaign({ ...setup, quotas: { ...setup.quotas, overrides: [{ organizationId: scope.westCommittee.id, limit: 3 }] } }, context(scope.eastAdmin.id)),
    );
    expect(outside.code).toBe('INVALID_INPUT');
    expect(outside.fieldErrors).toEqual({ 'quotas.overrides.0.organizationId': '只能为主办组织的下级组织单独设置名额' });
    const foreign = await rejection(createCampaign(setup, context(scope.westAdmin.id)));
    expect(foreign.code).toBe('FORBIDDEN');
    expect(foreign.fieldErrors).toHaveProperty('ownerOrgId');
    expect(await db.campaign.count({ where: { title: setup.title } })).toBe(0);
  });
});

describe('rules frozen by started stages', () => {
  async function runningCampaignWithDeclarationStarted() {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
    await startDeclarationInPast(campaign.id);
    return { scope, campaignId: campaign.id, setup: await storedSetup(campaign.id) };
  }

  it('refuses rubric and field changes with STAGE_LOCKED and changes nothing', async () => {
    const { scope, campaignId, setup } = await runningCampaignWithDeclarationStarted();
    const auditsBefore = await db.auditLog.count({ where: { entityId: campaignId } });

    const rubricChange = structuredClone(setup);
    rubricChange.rubric.criteria[0].maxPoints = 40;
    const rubricError = await rejection(updateCampaign({ ...rubricChange, id: campaignId }, context(scope.eastAdmin.id)));
    expect(rubricError.code).toBe('STAGE_LOCKED');
    expect(rubricError.message).toBe('评分标准已随申报阶段开始而锁定，不能再修改');

    const fieldChange = structuredClone(setup);
    fieldChange.fields[0].name = '乡村振兴';
    fieldChange.awards = fieldChange.awards.map((award) => (award.fieldName === setup.fields[0].name ? { ...award, fieldName: '乡村振兴' } : award));
    const fieldError = await rejection(updateCampaign({ ...fieldChange, id: campaignId }, context(scope.eastAdmin.id)));
    expect(fieldError.code).toBe('STAGE_LOCKED');
    expect(fieldError.message).toBe('领域设置已随申报阶段开始而锁定，不能再修改');

    expect(await storedSetup(campaignId)).toEqual(setup);
    expect(await db.auditLog.count({ where: { entityId: campaignId } })).toBe(auditsBefore);
  });

  it('refuses moving the start of a started stage', async () => {
    const { scope, campaignId, setup } = await runningCampaignWithDeclarationStarted();
    const moved = structuredClone(setup);
    // Another hour of the same day, whatever the hour now (a fixed T03 was no change at all between 03:00 and 04:00).
    moved.stages[0].startsAt = moved.stages[0].startsAt.replace(/T(\d\d)/, (_match, hour: string) => `T${hour === '03' ? '02' : '03'}`);
    expect(moved.stages[0].startsAt).not.toBe(setup.stages[0].startsAt);
    const error = await rejection(updateCampaign({ ...moved, id: campaignId }, context(scope.eastAdmin.id)));
    expect(error.code).toBe('STAGE_LOCKED');
    expect(error.fieldErrors).toEqual({ 'stages.0.startsAt': '申报阶段已开始，开始时间不能再修改' });
  });

  it('still accepts voting settings, which the voting stage has not frozen yet, and audits the change', async () => {
    const { scope, campaignId, setup } = await runningCampaignWithDeclarationStarted();
    const changed = structuredClone(setup);
    changed.voting = { ...changed.voting, publicVotingEnabled: true, votesPerVoterPerDay: 3, resultsVisibility: 'LIVE' };
    const result = await updateCampaign({ ...changed, id: campaignId }, context(scope.eastAdmin.id));
    expect(result.changedGroups).toEqual(['voting']);
    expect(await storedSetup(campaignId)).toEqual(changed);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: campaignId, action: 'update-campaign' } });
    expect(audit.before).toMatchObject({ voting: { publicVotingEnabled: false, votesPerVoterPerDay: 5 } });
    expect(audit.after).toMatchObject({ voting: { publicVotingEnabled: true, votesPerVoterPerDay: 3, resultsVisibility: 'LIVE' } });
  });

  it('does not freeze a draft, which is not running yet', async () => {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id });
    await startDeclarationInPast(campaign.id);
    const changed = await storedSetup(campaign.id);
    changed.rubric.criteria[0].maxPoints = 30;
    await updateCampaign({ ...changed, id: campaign.id }, context(scope.eastAdmin.id));
    expect((await storedSetup(campaign.id)).rubric.criteria[0].maxPoints).toBe(30);
  });
});

describe('opening and closing stages early', () => {
  it('moves stage times to database time now and audits the new times', async () => {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
    await startDeclarationInPast(campaign.id);

    const beforeOpen = await dbNow();
    await openStageNow({ campaignId: campaign.id, kind: 'RECOMMENDATION' }, context(scope.eastAdmin.id));
    const afterOpen = await dbNow();
    const stages = await db.campaignStage.findMany({ where: { campaignId: campaign.id } });
    const declaration = stages.find((stage) => stage.kind === 'DECLARATION')!;
    const recommendation = stages.find((stage) => stage.kind === 'RECOMMENDATION')!;
    expect(recommendation.startsAt.getTime()).toBeGreaterThanOrEqual(beforeOpen.getTime());
    expect(recommendation.startsAt.getTime()).toBeLessThanOrEqual(afterOpen.getTime());
    expect(declaration.endsAt).toEqual(recommendation.startsAt);
    const openAudit = await db.auditLog.findFirstOrThrow({ where: { entityId: campaign.id, action: 'open-stage-early' } });
    expect(openAudit.after).toEqual({
      stages: expect.arrayContaining([
        expect.objectContaining({ kind: 'DECLARATION', endsAt: recommendation.startsAt.toISOString() }),
        expect.objectContaining({ kind: 'RECOMMENDATION', startsAt: recommendation.startsAt.toISOString() }),
      ]),
    });

    await closeStageNow({ campaignId: campaign.id, kind: 'RECOMMENDATION' }, context(scope.eastAdmin.id));
    const afterClose = await dbNow();
    const closed = await db.campaignStage.findUniqueOrThrow({ where: { campaignId_kind: { campaignId: campaign.id, kind: 'RECOMMENDATION' } } });
    expect(closed.endsAt.getTime()).toBeGreaterThan(recommendation.startsAt.getTime());
    expect(closed.endsAt.getTime()).toBeLessThanOrEqual(afterClose.getTime());
    const closeAudit = await db.auditLog.findFirstOrThrow({ where: { entityId: campaign.id, action: 'close-stage-early' } });
    expect(closeAudit.before).toEqual({ stages: [expect.objectContaining({ kind: 'RECOMMENDATION', endsAt: recommendation.endsAt.toISOString() })] });
    expect(closeAudit.after).toEqual({ stages: [expect.objectContaining({ kind: 'RECOMMENDATION', endsAt: closed.endsAt.toISOString() })] });

    const again = await rejection(closeStageNow({ campaignId: campaign.id, kind: 'RECOMMENDATION' }, context(scope.eastAdmin.id)));
    expect(again.message).toBe('逐级推荐阶段不在进行中，不能提前结束');
  });

  it('lets only one of two simultaneous 提前开始 requests through', async () => {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
    const results = await Promise.allSettled([
      openStageNow({ campaignId: campaign.id, kind: 'DECLARATION' }, context(scope.eastAdmin.id)),
      openStageNow({ campaignId: campaign.id, kind: 'DECLARATION' }, context(scope.eastAdmin.id)),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: '申报阶段已经开始，不能再提前开始' });
    expect(await db.auditLog.count({ where: { entityId: campaign.id, action: 'open-stage-early' } })).toBe(1);
  });

  it('refuses to move stages of a draft', async () => {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id });
    const error = await rejection(openStageNow({ campaignId: campaign.id, kind: 'DECLARATION' }, context(scope.eastAdmin.id)));
    expect(error.code).toBe('CONFLICT');
    await publishCampaign({ campaignId: campaign.id }, context(scope.eastAdmin.id));
    await openStageNow({ campaignId: campaign.id, kind: 'DECLARATION' }, context(scope.eastAdmin.id));
    expect(await db.auditLog.count({ where: { entityId: campaign.id, action: { in: ['publish-campaign', 'open-stage-early'] } } })).toBe(2);
  });
});

describe('scope', () => {
  it('an ORG_ADMIN of a sibling subtree can neither update nor move the campaign’s stages', async () => {
    const scope = await createCampaignScope();
    const { campaign, setup } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
    const update = await rejection(updateCampaign({ ...setup, id: campaign.id, title: '被篡改的标题' }, context(scope.westAdmin.id)));
    expect(update.code).toBe('FORBIDDEN');
    const open = await rejection(openStageNow({ campaignId: campaign.id, kind: 'DECLARATION' }, context(scope.westAdmin.id)));
    expect(open.code).toBe('FORBIDDEN');
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).title).toBe(setup.title);
    expect(await db.auditLog.count({ where: { entityId: campaign.id, actorId: scope.westAdmin.id } })).toBe(0);
  });
});
