import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';
import { getCampaignDetail, type TCampaignDetail } from '@/lib/campaign/admin-queries';
import {
  ZCampaignRef,
  ZCampaignSetup,
  ZCancelCampaign,
  ZStageCommand,
  type TCampaignRef,
  type TCampaignSetupInput,
  type TCancelCampaignInput,
  type TStageCommand,
} from '@/lib/campaign/schema';
import { campaignToSetup, changedGroups, groupValues, type TSettingsGroup } from '@/lib/campaign/setup-values';
import { campaignColumns, clampLevelDeadlines, publicityEnabledOf, replaceAwards, replaceFields, replaceLevelDeadlines, replaceQuotas, replaceRubric } from '@/lib/campaign/setup-writes';
import { checkLevelDeadlineChanges, planStageChanges } from '@/lib/campaign/stage-changes';
import {
  assertOperation,
  frozenRuleGroups,
  lockedGroupMessage,
  operationRefusal,
  stageMoveRefusal,
  transitionRefusal,
  type TLifecycle,
} from '@/lib/campaign/lifecycle';
import { openStageEarly, stageStatus, type TRuleGroup, type TStageWindow } from '@/lib/campaign/stages';
import { fromDateTimeLocal } from '@/lib/format';
import { CULTIVATION_STAGES } from '@/lib/campaign/templates';

type TContext = TAuditContext & { tx?: TTx };

const ALL_GROUPS: TSettingsGroup[] = ['basics', 'declarationForm', 'fields', 'rubric', 'review', 'quotas', 'levelDeadlines', 'voting', 'awards', 'weights', 'cultivation'];

function inTransaction<T>(context: TContext, body: (tx: TTx) => Promise<T>): Promise<T> {
  return context.tx ? body(context.tx) : db.$transaction(body);
}

/** Locks the campaign row so concurrent edits and stage moves run one after another, then reads it. */
async function lockCampaign(tx: TTx, campaignId: string): Promise<TCampaignDetail> {
  await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
  const campaign = await getCampaignDetail(campaignId, tx);
  if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
  return campaign;
}

const lifeOf = (campaign: TCampaignDetail, now: Date): TLifecycle => ({ status: campaign.status, program: campaign.program, stages: campaign.stages, now });

function refuse(refusal: { code: 'CONFLICT' | 'STAGE_LOCKED'; message: string } | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

const stageTimes = (stages: readonly TStageWindow[]) => stages.map(({ kind, isEnabled, startsAt, endsAt }) => ({ kind, isEnabled, startsAt, endsAt }));

/** Creates a campaign with its stages, fields, rubric, awards and quotas: a draft, or published at once. */
export async function createCampaign(input: TCampaignSetupInput & { publish?: boolean }, context: TContext) {
  const setup = ZCampaignSetup.parse(input);
  return inTransaction(context, async (tx) => {
    const owner = await tx.organization.findUnique({ where: { id: setup.ownerOrgId }, select: { id: true, path: true, depth: true, isActive: true } });
    if (!owner?.isActive) throw new AppError('INVALID_INPUT', '主办组织不存在或已停用', { ownerOrgId: '主办组织不存在或已停用' });
    await assertCampaignAdmin(tx, context.actorId, owner.path, 'ownerOrgId');
    const status = input.publish === true ? 'PUBLISHED' : 'DRAFT';
    const publishedAt = status === 'PUBLISHED' ? await dbNow(tx) : null;
    const campaign = await tx.campaign.create({
      data: {
        ...campaignColumns(setup, ALL_GROUPS),
        program: setup.program,
        title: setup.title,
        year: setup.year,
        ownerOrgId: owner.id,
        status,
        publishedAt,
        publicityEnabled: publicityEnabledOf(setup),
        createdById: context.actorId,
        stages: {
          // A 选树 campaign holds 培育创建/验收认定/宣传推广 only once switched on (as campaigns made before them); updateCampaign adds the rows.
          create: setup.stages.filter((stage) => stage.isEnabled || !CULTIVATION_STAGES.includes(stage.kind)).map((stage) => ({ kind: stage.kind, isEnabled: stage.isEnabled, startsAt: fromDateTimeLocal(stage.startsAt), endsAt: fromDateTimeLocal(stage.endsAt) })),
        },
      },
      select: { id: true, title: true, status: true },
    });
    await replaceFields(tx, campaign.id, setup);
    await replaceAwards(tx, campaign.id, setup);
    await replaceRubric(tx, campaign.id, setup);
    await replaceQuotas(tx, { id: campaign.id, ownerOrg: owner }, setup);
    await replaceLevelDeadlines(tx, { id: campaign.id, ownerOrg: owner }, setup);
    await recordAudit(tx, context, { action: 'create-campaign', entityType: 'Campaign', entityId: campaign.id, after: { status, ...setup } });
    return campaign;
  });
}

/**
 * Replaces the settings group by group. Whether a stage has started is judged by database time after
 * the campaign row is locked; a group frozen by a started stage (lockedRuleGroups) is refused if the
 * input changes it, and nothing is written. Drafts are not running yet, so nothing of theirs is frozen.
 */
export async function updateCampaign(input: TCampaignSetupInput & { id: string }, context: TContext) {
  const setup = ZCampaignSetup.parse(input);
  const { campaignId } = ZCampaignRef.parse({ campaignId: input.id });
  return inTransaction(context, async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
    const now = await dbNow(tx);
    const life = lifeOf(campaign, now);
    assertOperation('edit-setup', life);
    if (setup.ownerOrgId !== campaign.ownerOrgId) {
      throw new AppError('INVALID_INPUT', '主办组织创建后不能更改', { ownerOrgId: '主办组织创建后不能更改' });
    }
    if (setup.program !== campaign.program) throw new AppError('INVALID_INPUT', '活动模板创建后不能更改', { program: '活动模板创建后不能更改' });
    const isRunning = campaign.status === 'PUBLISHED';
    const before = campaignToSetup(campaign);
    const groups = changedGroups(before, setup);
    const locked = frozenRuleGroups(life);
    const frozen = groups.find((group): group is TRuleGroup => locked.includes(group as TRuleGroup));
    if (frozen) throw new AppError('STAGE_LOCKED', lockedGroupMessage(frozen));
    const stageChanges = planStageChanges(campaign.stages, setup.stages, now, isRunning);
    if (isRunning && groups.includes('levelDeadlines')) checkLevelDeadlineChanges(campaign.recommendationDeadlines, setup.quotas.levelDeadlines, now);
    if (!groups.length && !stageChanges.length) return { changedGroups: [] as TSettingsGroup[], changedStages: 0 };

    for (const change of stageChanges) {
      const { isEnabled, startsAt, endsAt } = change.after;
      if (change.isNew) await tx.campaignStage.create({ data: { campaignId, kind: change.kind, isEnabled, startsAt, endsAt } });
      else await tx.campaignStage.update({ where: { campaignId_kind: { campaignId, kind: change.kind } }, data: { isEnabled, startsAt, endsAt } });
    }
    await tx.campaign.update({ where: { id: campaignId }, data: { ...campaignColumns(setup, groups), publicityEnabled: publicityEnabledOf(setup) } });
    if (groups.includes('fields')) await replaceFields(tx, campaignId, setup);
    if (groups.includes('fields') || groups.includes('awards')) await replaceAwards(tx, campaignId, setup);
    if (groups.includes('rubric')) await replaceRubric(tx, campaignId, setup);
    if (groups.includes('quotas')) await replaceQuotas(tx, campaign, setup);
    if (groups.includes('levelDeadlines')) await replaceLevelDeadlines(tx, campaign, setup);
    await recordAudit(tx, context, {
      action: 'update-campaign',
      entityType: 'Campaign',
      entityId: campaignId,
      before: { ...Object.fromEntries(groups.map((group) => [group, groupValues(before, group)])), stages: stageTimes(stageChanges.map((c) => c.before)) },
      after: { ...Object.fromEntries(groups.map((group) => [group, groupValues(setup, group)])), stages: stageTimes(stageChanges.map((c) => c.after)) },
    });
    return { changedGroups: groups, changedStages: stageChanges.length };
  });
}

/** A draft goes live: from now on its stages run by their dates and started stages freeze their rules. */
export async function publishCampaign(input: TCampaignRef, context: TContext) {
  const { campaignId } = ZCampaignRef.parse(input);
  return inTransaction(context, async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
    refuse(transitionRefusal('publish', campaign.status));
    await tx.campaign.update({ where: { id: campaignId }, data: { status: 'PUBLISHED', publishedAt: await dbNow(tx) } });
    await recordAudit(tx, context, { action: 'publish-campaign', entityType: 'Campaign', entityId: campaignId, before: { status: 'DRAFT' }, after: { status: 'PUBLISHED' } });
  });
}

/** Loads a running campaign's stage for 提前开始 / 提前结束 (lifecycle.ts stageMoveRefusal), judged by database time. */
async function lockStage(tx: TTx, input: TStageCommand, move: 'open' | 'close', context: TContext) {
  const { campaignId, kind } = ZStageCommand.parse(input);
  const campaign = await lockCampaign(tx, campaignId);
  await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
  const now = await dbNow(tx);
  refuse(stageMoveRefusal(move, kind, lifeOf(campaign, now)));
  return { campaign, stage: campaign.stages.find((candidate) => candidate.kind === kind)!, now };
}

async function writeStageMove(tx: TTx, context: TContext, action: 'open-stage-early' | 'close-stage-early', campaignId: string, changes: { before: TStageWindow; after: TStageWindow }[]) {
  for (const { after } of changes) {
    await tx.campaignStage.update({ where: { campaignId_kind: { campaignId, kind: after.kind } }, data: { startsAt: after.startsAt, endsAt: after.endsAt } });
    if (after.kind === 'RECOMMENDATION') await clampLevelDeadlines(tx, campaignId, after.endsAt);
  }
  await recordAudit(tx, context, {
    action,
    entityType: 'Campaign',
    entityId: campaignId,
    before: { stages: stageTimes(changes.map((change) => change.before)) },
    after: { stages: stageTimes(changes.map((change) => change.after)) },
  });
}

/** Opens an upcoming stage at database time now; an earlier stage still running closes at the same instant. */
export async function openStageNow(input: TStageCommand, context: TContext) {
  return inTransaction(context, async (tx) => {
    const { campaign, stage, now } = await lockStage(tx, input, 'open', context);
    const moved = openStageEarly(campaign.stages, stage.kind, now);
    const changes = campaign.stages
      .map((before, index) => ({ before, after: moved[index] }))
      .filter(({ before, after }) => before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime());
    await writeStageMove(tx, context, 'open-stage-early', campaign.id, changes);
    return { now, stages: changes.map((change) => change.after) };
  });
}

/** Closes a running stage at database time now, so the campaign can move on before the calendar says so. */
export async function closeStageNow(input: TStageCommand, context: TContext) {
  return inTransaction(context, async (tx) => {
    const { campaign, stage, now } = await lockStage(tx, input, 'close', context);
    const after = { ...stage, endsAt: now };
    await writeStageMove(tx, context, 'close-stage-early', campaign.id, [{ before: stage, after }]);
    return { now, stages: [after] };
  });
}

/**
 * 结束活动: once 通报表扬 has started (every stage then has) and no objection is open, the campaign becomes FINISHED and
 * read-only — only 摘牌 and reading go on. A stage still running (the 通报表扬 period) ends at the same database instant.
 */
export async function finishCampaign(input: TCampaignRef, context: TContext) {
  const { campaignId } = ZCampaignRef.parse(input);
  return inTransaction(context, async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
    const now = await dbNow(tx);
    refuse(transitionRefusal('finish', campaign.status) ?? operationRefusal('finish', lifeOf(campaign, now)));
    // A finished campaign handles no objection any more ('handle-objection'): every one must be answered first
    // (the open statuses of lib/objections/status, which builds on this domain).
    const openObjections = await tx.objection.count({ where: { campaignId, status: { in: ['RECEIVED', 'ACCEPTED', 'INVESTIGATING'] } } });
    if (openObjections) throw new AppError('CONFLICT', `还有 ${openObjections} 件异议未办结，全部答复后才能结束活动`);
    const closing = campaign.stages.filter((stage) => stageStatus(stage, now) === 'open' && stage.startsAt < now);
    for (const stage of closing) await tx.campaignStage.update({ where: { campaignId_kind: { campaignId, kind: stage.kind } }, data: { endsAt: now } });
    await tx.campaign.update({ where: { id: campaignId }, data: { status: 'FINISHED', finishedAt: now } });
    await recordAudit(tx, context, {
      action: 'finish-campaign',
      entityType: 'Campaign',
      entityId: campaignId,
      before: { status: campaign.status, stages: stageTimes(closing) },
      after: { status: 'FINISHED', stages: stageTimes(closing.map((stage) => ({ ...stage, endsAt: now }))) },
    });
    return { status: 'FINISHED' as const, finishedAt: now };
  });
}

/**
 * 撤销活动, with its reason: a draft or a running campaign becomes CANCELLED and refuses every operation from then on
 * (lifecycle.ts). Its records stay; a campaign that had been published keeps its public page, marked 已撤销 with the reason.
 */
export async function cancelCampaign(input: TCancelCampaignInput, context: TContext) {
  const { campaignId, reason } = ZCancelCampaign.parse(input);
  return inTransaction(context, async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
    const now = await dbNow(tx);
    refuse(transitionRefusal('cancel', campaign.status) ?? operationRefusal('cancel', lifeOf(campaign, now)));
    await tx.campaign.update({ where: { id: campaignId }, data: { status: 'CANCELLED', cancelledAt: now, cancelReason: reason } });
    await recordAudit(tx, context, {
      action: 'cancel-campaign',
      entityType: 'Campaign',
      entityId: campaignId,
      before: { status: campaign.status },
      after: { status: 'CANCELLED', reason },
    });
    return { status: 'CANCELLED' as const, cancelledAt: now };
  });
}
