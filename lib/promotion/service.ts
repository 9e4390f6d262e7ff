// 宣传推广 writes: events with the sites they visit and their files, recurring schedules, a 擂台比武's panel and its
// judges' sheets, and 宣传画册. One transaction per operation with its audit row; scope from the database.
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { claimableFiles } from '@/lib/files/claim';
import { fromDateTimeLocal } from '@/lib/format';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { isPromotionStaff } from '@/lib/promotion/access';
import { calendarDay } from '@/lib/promotion/periods';
import {
  DEFAULT_CONTEST_CRITERIA,
  ZContestSheet,
  ZCreateBrochure,
  ZCreateEvent,
  ZCreateSchedule,
  ZSetContest,
  type TContestSheetInput,
  type TCreateBrochureInput,
  type TCreateEventInput,
  type TCreateScheduleInput,
  type TSetContestInput,
} from '@/lib/promotion/schema';
import { eligibleBrandWhere } from '@/lib/promotion/brands';

type TContext = TAuditContext & { actorId: string };
export type TCriterion = { name: string; maxPoints: number };

const OUT_OF_SCOPE = '只能管理本单位及下级组织的宣传推广活动';

/** The owning organization, if the actor is its (or an ancestor's) committee / organization-department staff. */
async function ownerInScope(tx: TTx, actorId: string, organizationId: string) {
  const owner = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, path: true, name: true, isActive: true } });
  const grants = await loadGrants(tx, actorId);
  if (!owner || !owner.isActive || !isPromotionStaff(grants, owner.path)) throw new AppError('FORBIDDEN', OUT_OF_SCOPE);
  return { owner, grants };
}

/** Files the actor uploaded that nothing owns yet; photos must be images. */
async function attachEventFiles(tx: TTx, eventId: string, actorId: string, materialIds: string[], photoIds: string[]) {
  const kinds = await claimableFiles(tx, actorId, [...materialIds, ...photoIds]);
  if (!kinds.size) return;
  if (photoIds.some((id) => kinds.get(id) !== 'IMAGE')) throw new AppError('INVALID_INPUT', '活动照片只能是图片');
  await tx.promotionEventFile.createMany({
    data: [
      ...materialIds.map((fileId, index) => ({ eventId, fileId, slot: 'MATERIAL' as const, sortOrder: index })),
      ...photoIds.map((fileId, index) => ({ eventId, fileId, slot: 'PHOTO' as const, sortOrder: index })),
    ],
  });
}

export async function createPromotionEvent(input: TCreateEventInput, context: TContext): Promise<{ id: string }> {
  const data = ZCreateEvent.parse(input);
  const heldAt = fromDateTimeLocal(data.heldAt);
  if (Number.isNaN(heldAt.getTime())) throw new AppError('INVALID_INPUT', '活动时间不正确', { heldAt: '活动时间不正确' });
  return db.$transaction(async (tx) => {
    const { owner } = await ownerInScope(tx, context.actorId, data.ownerOrgId);
    if (data.scheduleId) {
      const schedule = await tx.promotionSchedule.findUnique({ where: { id: data.scheduleId }, select: { ownerOrgId: true, kind: true } });
      if (!schedule || schedule.ownerOrgId !== owner.id) throw new AppError('INVALID_INPUT', '所选活动计划不属于该单位', { scheduleId: '所选活动计划不属于该单位' });
      if (schedule.kind !== data.kind) throw new AppError('INVALID_INPUT', '活动类型与所选活动计划不一致', { kind: '活动类型与所选活动计划不一致' });
    }
    const sites = await tx.demoSite.findMany({
      where: { id: { in: data.siteIds }, status: 'ACTIVE', organization: { path: { startsWith: owner.path } } },
      select: { id: true },
    });
    if (sites.length !== data.siteIds.length) {
      throw new AppError('INVALID_INPUT', '所选示范点不存在、已摘牌或不在本单位范围内', { siteIds: '所选示范点不存在、已摘牌或不在本单位范围内' });
    }
    const event = await tx.promotionEvent.create({
      data: {
        ownerOrgId: owner.id,
        scheduleId: data.scheduleId ?? null,
        kind: data.kind,
        title: data.title,
        heldAt,
        place: data.place,
        participants: data.participants,
        summary: data.summary,
        criteria: data.kind === 'CONTEST' ? DEFAULT_CONTEST_CRITERIA.map((criterion) => ({ ...criterion })) : [],
        createdById: context.actorId,
      },
      select: { id: true },
    });
    if (data.siteIds.length) await tx.promotionEventSite.createMany({ data: data.siteIds.map((siteId, index) => ({ eventId: event.id, siteId, sortOrder: index + 1 })) });
    await attachEventFiles(tx, event.id, context.actorId, data.materialFileIds, data.photoFileIds);
    await recordAudit(tx, context, {
      action: 'create-promotion-event',
      entityType: 'PromotionEvent',
      entityId: event.id,
      after: { ...data, heldAt: heldAt.toISOString() },
    });
    return event;
  });
}

export async function createPromotionSchedule(input: TCreateScheduleInput, context: TContext): Promise<{ id: string }> {
  const data = ZCreateSchedule.parse(input);
  return db.$transaction(async (tx) => {
    const { owner } = await ownerInScope(tx, context.actorId, data.ownerOrgId);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`promotion-schedule:${owner.id}`}))`;
    if (await tx.promotionSchedule.findFirst({ where: { ownerOrgId: owner.id, title: data.title }, select: { id: true } })) {
      throw new AppError('CONFLICT', '本单位已有同名的活动计划', { title: '本单位已有同名的活动计划' });
    }
    const schedule = await tx.promotionSchedule.create({
      data: {
        ownerOrgId: owner.id,
        kind: data.kind,
        title: data.title,
        recurrence: data.recurrence,
        startsOn: calendarDay(data.startsOn),
        endsOn: data.endsOn ? calendarDay(data.endsOn) : null,
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, { action: 'create-promotion-schedule', entityType: 'PromotionSchedule', entityId: schedule.id, after: data });
    return schedule;
  });
}

/** The contest row locked (FOR UPDATE to change its panel, FOR SHARE to score under it), with its owner's path. */
async function lockContest(tx: TTx, eventId: string, mode: 'UPDATE' | 'SHARE') {
  const rows =
    mode === 'UPDATE'
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM promotion_events WHERE id = ${eventId} FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM promotion_events WHERE id = ${eventId} FOR SHARE`;
  if (!rows.length) return null;
  return tx.promotionEvent.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, kind: true, criteria: true, ownerOrg: { select: { id: true, path: true } } } });
}

export async function setContest(input: TSetContestInput, context: TContext): Promise<{ entries: number; judges: number }> {
  const data = ZSetContest.parse(input);
  return db.$transaction(async (tx) => {
    const event = await lockContest(tx, data.eventId, 'UPDATE');
    const grants = await loadGrants(tx, context.actorId);
    if (!event || !isPromotionStaff(grants, event.ownerOrg.path)) throw new AppError('NOT_FOUND', '活动不存在或不在本单位范围内');
    if (event.kind !== 'CONTEST') throw new AppError('INVALID_INPUT', '只有擂台比武设置参赛单位和评委');
    const scored = await tx.contestScore.count({ where: { entry: { eventId: event.id } } });
    if (scored) throw new AppError('CONFLICT', '评委已开始评分，不能再修改评分标准、参赛单位和评委');

    const orgIds = data.entries.map((entry) => entry.organizationId);
    const orgs = await tx.organization.findMany({ where: { id: { in: orgIds }, isActive: true, path: { startsWith: event.ownerOrg.path } }, select: { id: true } });
    if (orgs.length !== orgIds.length) throw new AppError('INVALID_INPUT', '参赛单位须是本单位范围内的在用组织', { entries: '参赛单位须是本单位范围内的在用组织' });
    const brandIds = data.entries.flatMap((entry) => (entry.brandId ? [entry.brandId] : []));
    const brands = await tx.brand.findMany({ where: { id: { in: brandIds } }, select: { id: true, organizationId: true } });
    const brandOrg = new Map(brands.map((brand) => [brand.id, brand.organizationId]));
    if (data.entries.some((entry) => entry.brandId && brandOrg.get(entry.brandId) !== entry.organizationId)) {
      throw new AppError('INVALID_INPUT', '汇报的品牌须是该参赛单位的品牌', { entries: '汇报的品牌须是该参赛单位的品牌' });
    }
    const judges = await tx.user.findMany({
      where: { id: { in: data.judgeIds }, isDisabled: false },
      select: { id: true, roleAssignments: { where: { organization: { isActive: true } }, select: { role: true, organization: { select: { path: true } } } } },
    });
    const ownerPath = event.ownerOrg.path;
    const eligible = judges.filter((judge) =>
      judge.roleAssignments.some(({ role, organization: { path } }) =>
        role === 'EXPERT' ? ownerPath.startsWith(path) || path.startsWith(ownerPath) : (role === 'COMMITTEE_ADMIN' || role === 'ORG_ADMIN') && ownerPath.startsWith(path),
      ),
    );
    if (eligible.length !== data.judgeIds.length) throw new AppError('INVALID_INPUT', '评委须是本单位范围内的专家或组工干部', { judgeIds: '评委须是本单位范围内的专家或组工干部' });

    await tx.contestEntry.deleteMany({ where: { eventId: event.id } });
    await tx.contestJudge.deleteMany({ where: { eventId: event.id } });
    await tx.contestEntry.createMany({
      data: data.entries.map((entry, index) => ({ eventId: event.id, organizationId: entry.organizationId, brandId: entry.brandId ?? null, presenter: entry.presenter, topic: entry.topic, sortOrder: index + 1 })),
    });
    await tx.contestJudge.createMany({ data: data.judgeIds.map((judgeId) => ({ eventId: event.id, judgeId })) });
    await tx.promotionEvent.update({ where: { id: event.id }, data: { criteria: data.criteria } });
    await recordAudit(tx, context, { action: 'set-contest', entityType: 'PromotionEvent', entityId: event.id, before: { criteria: event.criteria }, after: data });
    return { entries: data.entries.length, judges: data.judgeIds.length };
  });
}

/** A judge saves (or submits, which locks) their sheet for one presentation; two submits of one sheet end in one. */
export async function saveContestSheet(input: TContestSheetInput, context: TContext): Promise<{ total: number; submitted: boolean }> {
  const data = ZContestSheet.parse(input);
  return db.$transaction(async (tx) => {
    const entry = await tx.contestEntry.findUnique({ where: { id: data.entryId }, select: { id: true, eventId: true } });
    const isJudge = entry && (await tx.contestJudge.findUnique({ where: { eventId_judgeId: { eventId: entry.eventId, judgeId: context.actorId } }, select: { judgeId: true } }));
    if (!entry || !isJudge) throw new AppError('NOT_FOUND', '评分表不存在或您不是该场比武的评委');
    const event = await lockContest(tx, entry.eventId, 'SHARE');
    const criteria = (event?.criteria ?? []) as TCriterion[];
    if (data.scores.length !== criteria.length) throw new AppError('INVALID_INPUT', '评分项与评分标准不一致，请刷新页面后重试');
    const errors: Record<string, string> = {};
    data.scores.forEach((score, index) => {
      if (score !== null && score > criteria[index]!.maxPoints) errors[`scores.${index}`] = `${criteria[index]!.name}不能超过 ${criteria[index]!.maxPoints} 分`;
      if (data.submit && score === null) errors[`scores.${index}`] = `请为${criteria[index]!.name}打分`;
    });
    if (Object.keys(errors).length) throw new AppError('INVALID_INPUT', Object.values(errors)[0]!, errors);

    await tx.$executeRaw`INSERT INTO contest_scores (entry_id, judge_id, scores, total, updated_at) VALUES (${entry.id}, ${context.actorId}, '{}', 0, now()) ON CONFLICT DO NOTHING`;
    const [sheet] = await tx.$queryRaw<{ submitted_at: Date | null }[]>`SELECT submitted_at FROM contest_scores WHERE entry_id = ${entry.id} AND judge_id = ${context.actorId} FOR UPDATE`;
    if (sheet?.submitted_at) throw new AppError('CONFLICT', '评分表已提交，不能再修改');
    const scores = data.scores.map((score) => score ?? 0);
    const total = scores.reduce((sum, score) => sum + score, 0);
    await tx.contestScore.update({
      where: { entryId_judgeId: { entryId: entry.id, judgeId: context.actorId } },
      data: { scores, total, comment: data.comment, submittedAt: data.submit ? new Date() : null },
    });
    await recordAudit(tx, context, {
      action: data.submit ? 'submit-contest-score' : 'save-contest-score',
      entityType: 'ContestEntry',
      entityId: entry.id,
      after: { scores: data.scores, total, comment: data.comment },
    });
    return { total, submitted: data.submit };
  });
}

export async function createBrochure(input: TCreateBrochureInput, context: TContext): Promise<{ id: string }> {
  const data = ZCreateBrochure.parse(input);
  return db.$transaction(async (tx) => {
    const { owner } = await ownerInScope(tx, context.actorId, data.ownerOrgId);
    const found = await tx.brand.count({ where: { id: { in: data.brandIds }, ...eligibleBrandWhere(owner.path) } });
    if (found !== data.brandIds.length) throw new AppError('INVALID_INPUT', '所选品牌须是本单位范围内获得表彰或认定（未摘牌）的品牌', { brandIds: '所选品牌须是本单位范围内获得表彰或认定（未摘牌）的品牌' });
    const brochure = await tx.brochure.create({
      data: { ownerOrgId: owner.id, title: data.title, subtitle: data.subtitle, brandIds: data.brandIds, createdById: context.actorId },
      select: { id: true },
    });
    await recordAudit(tx, context, { action: 'create-brochure', entityType: 'Brochure', entityId: brochure.id, after: data });
    return brochure;
  });
}
