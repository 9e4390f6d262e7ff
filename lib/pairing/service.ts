// 后进党支部 flags, 结对共建 pairings, their joint activities and the 期满评议: one transaction per operation with its
// audit row; who may act is read from the database inside that transaction (lib/pairing/access).
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { claimActivityFiles } from '@/lib/files/claim';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { usersCovering } from '@/lib/notifications/recipients';
import { notify } from '@/lib/notifications/service';
import { grantsRoleAt } from '@/lib/auth/scope';
import { loadGrants } from '@/lib/application/access';
import { isInSubtree } from '@/lib/org-tree/tree';
import { formatDate } from '@/lib/format';
import { assertPairingManager, assertPairingSide, isStaffAbove, loadPairing, STAFF_ROLES } from '@/lib/pairing/access';
import {
  PAIRING_VERDICT_LABELS,
  ZLaggingInput,
  ZPairingActivityInput,
  ZPairingInput,
  ZPairingReviewInput,
  type TLaggingInput,
  type TPairingActivityInput,
  type TPairingInput,
  type TPairingReviewInput,
} from '@/lib/pairing/schema';

type TContext = TAuditContext & { actorId: string };

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const chineseDay = (day: string) => formatDate(`${day}T00:00:00+08:00`);

/** Today in Asia/Shanghai by database time. */
export async function shanghaiToday(tx: TTx | typeof db = db): Promise<string> {
  const rows = await tx.$queryRaw<{ day: string }[]>`SELECT ((now() AT TIME ZONE 'Asia/Shanghai')::date)::text AS day`;
  return rows[0]!.day;
}

const notFoundOrg = () => new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内');

/** 后进党支部: flagged (with the reason) or cleared by staff above the organization. */
export async function setLagging(input: TLaggingInput, context: TContext) {
  const data = ZLaggingInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const rows = await tx.$queryRaw<{ id: string; name: string; path: string; is_lagging: boolean; lagging_note: string | null }[]>`
      SELECT id, name, path, is_lagging, lagging_note FROM organizations WHERE id = ${data.organizationId} FOR UPDATE`;
    const target = rows[0];
    if (!target || !grantsRoleAt(grants, STAFF_ROLES, target.path)) throw notFoundOrg();
    if (!isStaffAbove(grants, target.path)) throw new AppError('FORBIDDEN', '只有上级党(工)委或组织部可以认定后进党支部');
    const note = data.lagging ? data.note : null;
    if (target.is_lagging === data.lagging && target.lagging_note === note) return { id: target.id, lagging: data.lagging };
    await tx.organization.update({ where: { id: target.id }, data: { isLagging: data.lagging, laggingNote: note } });
    await recordAudit(tx, context, {
      action: data.lagging ? 'flag-lagging' : 'unflag-lagging',
      entityType: 'Organization',
      entityId: target.id,
      before: { name: target.name, isLagging: target.is_lagging, laggingNote: target.lagging_note },
      after: { name: target.name, isLagging: data.lagging, laggingNote: note },
    });
    return { id: target.id, lagging: data.lagging };
  });
}

export async function createPairing(input: TPairingInput, context: TContext) {
  const data = ZPairingInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const ids = [data.committeeOrgId, data.brandOrgId, ...(data.kind === 'BRANCH' && data.partnerOrgId ? [data.partnerOrgId] : [])];
    const orgs = new Map(
      (await tx.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, path: true, isActive: true, isLagging: true } })).map((org) => [org.id, org]),
    );
    const committee = orgs.get(data.committeeOrgId);
    if (!committee || !committee.isActive || !grantsRoleAt(grants, STAFF_ROLES, committee.path)) throw notFoundOrg();
    const inScope = (orgId: string | null | undefined) => {
      const org = orgId ? orgs.get(orgId) : undefined;
      return org && org.isActive && org.id !== committee.id && isInSubtree(org.path, committee.path) ? org : null;
    };
    const brandOrg = inScope(data.brandOrgId);
    if (!brandOrg) throw new AppError('INVALID_INPUT', '品牌组织须是本党(工)委下属的组织', { brandOrgId: '品牌组织须是本党(工)委下属的组织' });
    let brandName: string | null = null;
    if (data.brandId) {
      const brand = await tx.brand.findUnique({ where: { id: data.brandId }, select: { organizationId: true, name: true } });
      if (!brand || brand.organizationId !== brandOrg.id) throw new AppError('INVALID_INPUT', '所选品牌不属于该组织', { brandId: '所选品牌不属于该组织' });
      brandName = brand.name;
    }
    let partnerOrgId: string | null = null;
    let partnerName: string | null = null;
    if (data.kind === 'BRANCH') {
      const partner = inScope(data.partnerOrgId);
      if (!partner) throw new AppError('INVALID_INPUT', '结对支部须是本党(工)委下属的组织', { partnerOrgId: '结对支部须是本党(工)委下属的组织' });
      if (partner.id === brandOrg.id) throw new AppError('INVALID_INPUT', '品牌组织不能与自己结对', { partnerOrgId: '品牌组织不能与自己结对' });
      if (!partner.isLagging) throw new AppError('INVALID_INPUT', '请先将该支部认定为后进党支部，再安排结对', { partnerOrgId: '该支部未被认定为后进党支部' });
      partnerOrgId = partner.id;
    } else {
      partnerName = data.partnerName!;
    }
    const pairing = await tx.pairing.create({
      data: {
        committeeOrgId: committee.id,
        brandOrgId: brandOrg.id,
        brandId: data.brandId ?? null,
        kind: data.kind,
        partnerOrgId,
        partnerName,
        goals: data.goals,
        startsOn: asDate(data.startsOn),
        endsOn: asDate(data.endsOn),
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: 'create-pairing',
      entityType: 'Pairing',
      entityId: pairing.id,
      after: {
        committee: committee.name,
        brandOrg: brandOrg.name,
        brand: brandName,
        kind: data.kind,
        partner: partnerOrgId ? orgs.get(partnerOrgId)!.name : partnerName,
        startsOn: data.startsOn,
        endsOn: data.endsOn,
      },
    });
    // Both sides' secretaries hear of it (the outside unit of an enterprise pairing has no account).
    const partner = partnerOrgId ? orgs.get(partnerOrgId)! : null;
    const secretaries = [...(await usersCovering(tx, ['BRANCH_SECRETARY'], brandOrg.path)), ...(partner ? await usersCovering(tx, ['BRANCH_SECRETARY'], partner.path) : [])];
    await notify(tx, secretaries, {
      kind: 'PAIRING_CREATED',
      title: `${committee.name}安排${brandOrg.name}与${partner?.name ?? partnerName}结对共建`,
      body: `结对期 ${data.startsOn} 至 ${data.endsOn}。目标：${data.goals}`,
      link: `/pairings/${pairing.id}`,
    });
    return { id: pairing.id };
  });
}

/** Files the actor uploaded and nothing owns yet; photos must be images. */
async function attachFiles(tx: TTx, activityId: string, actorId: string, photoIds: string[], documentIds: string[]): Promise<void> {
  const files = await claimActivityFiles(tx, actorId, photoIds, documentIds);
  if (files.length) await tx.pairingActivityFile.createMany({ data: files.map((file) => ({ activityId, ...file })) });
}

/** A joint activity, recorded once by either side; both organizations' 台帐 list it for its month. */
export async function addPairingActivity(input: TPairingActivityInput, context: TContext) {
  const data = ZPairingActivityInput.parse(input);
  return db.$transaction(async (tx) => {
    const target = await loadPairing(tx, data.pairingId, true);
    assertPairingSide(await loadGrants(tx, context.actorId), target);
    if (target.status !== 'ACTIVE') throw new AppError('CONFLICT', '该结对已完成期满评议，不能再记录共建活动');
    const today = await shanghaiToday(tx);
    const last = target.endsOn < today ? target.endsOn : today;
    if (data.occurredOn < target.startsOn || data.occurredOn > last) {
      const message = `活动日期须在结对期内（${chineseDay(target.startsOn)}至${chineseDay(target.endsOn)}），且不能晚于今天`;
      throw new AppError('INVALID_INPUT', message, { occurredOn: message });
    }
    const activity = await tx.pairingActivity.create({
      data: {
        pairingId: target.id,
        occurredOn: asDate(data.occurredOn),
        activity: data.activity,
        place: data.place,
        participants: data.participants,
        summary: data.summary,
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await attachFiles(tx, activity.id, context.actorId, data.photoIds, data.documentIds);
    await recordAudit(tx, context, {
      action: 'add-pairing-activity',
      entityType: 'PairingActivity',
      entityId: activity.id,
      after: { pairingId: target.id, brandOrg: target.brandOrg.name, partner: target.partnerOrg?.name ?? target.partnerName, occurredOn: data.occurredOn, activity: data.activity, photos: data.photoIds.length, documents: data.documentIds.length },
    });
    return { id: activity.id, month: data.occurredOn.slice(0, 7) };
  });
}

/** 期满评议: once, by the committee, after the period ends (or earlier, saying so); the row lock makes parallel reviews queue, the second finds it reviewed. */
export async function reviewPairing(input: TPairingReviewInput, context: TContext) {
  const data = ZPairingReviewInput.parse(input);
  return db.$transaction(async (tx) => {
    const target = await loadPairing(tx, data.pairingId, true);
    assertPairingManager(await loadGrants(tx, context.actorId), target);
    if (target.status !== 'ACTIVE') throw new AppError('CONFLICT', '该结对已完成期满评议');
    const today = await shanghaiToday(tx);
    const early = today <= target.endsOn;
    if (early && !data.early) {
      throw new AppError('CONFLICT', `结对期至${chineseDay(target.endsOn)}，期满后才能评议；确需提前评议请勾选“提前评议”并在评议意见中写明理由`);
    }
    await tx.pairing.update({
      where: { id: target.id },
      data: { status: 'REVIEWED', verdict: data.verdict, reviewNote: data.note, reviewedAt: new Date(), reviewedById: context.actorId },
    });
    await recordAudit(tx, context, {
      action: 'review-pairing',
      entityType: 'Pairing',
      entityId: target.id,
      before: { status: 'ACTIVE' },
      after: { status: 'REVIEWED', verdict: PAIRING_VERDICT_LABELS[data.verdict], note: data.note, early },
    });
    const secretaries = [...(await usersCovering(tx, ['BRANCH_SECRETARY'], target.brandOrg.path)), ...(target.partnerOrg ? await usersCovering(tx, ['BRANCH_SECRETARY'], target.partnerOrg.path) : [])];
    await notify(tx, secretaries, {
      kind: 'PAIRING_REVIEWED',
      title: `结对共建期满评议：${PAIRING_VERDICT_LABELS[data.verdict]}`,
      body: data.note,
      link: `/pairings/${target.id}`,
    });
    return { id: target.id, verdict: data.verdict };
  });
}
