// 问题清单 / 提升清单: items on a belt (managed by its committee) or a site (staff over the site's organization), with a
// 责任人 (a name, and optionally an account in the subtree, who is reminded), a due date, and 销号 with a closure note and
// evidence files. Closing locks the item row, so parallel closes end in one state.
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { claimableFiles } from '@/lib/files/claim';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import type { TRoleGrant } from '@/lib/auth/session';
import { isBeltDecider, isBeltManager, isSiteStaff, loadBelt } from '@/lib/belt/access';
import { shanghaiDayOf, ZCloseImprovement, ZCreateImprovement, type TCloseImprovementInput, type TCreateImprovementInput } from '@/lib/belt/schema';

type TContext = TAuditContext & { actorId: string };

type TSubject = { kind: 'belt' | 'site'; id: string; name: string; path: string };

/** The belt or site an item hangs off, if the actor may manage its items (else NOT_FOUND / FORBIDDEN). */
async function subjectFor(tx: TTx, grants: readonly TRoleGrant[], ref: { beltId?: string | null; siteId?: string | null }): Promise<TSubject> {
  if (ref.beltId) {
    const belt = await loadBelt(tx, ref.beltId);
    if (!belt || !(isBeltManager(grants, belt) || isBeltDecider(grants, belt))) throw new AppError('NOT_FOUND', '示范带不存在或您无权查看');
    if (!isBeltManager(grants, belt)) throw new AppError('FORBIDDEN', '只有建设该示范带的党(工)委可以管理它的问题清单和提升清单');
    return { kind: 'belt', id: belt.id, name: belt.name, path: belt.ownerOrg.path };
  }
  const site = ref.siteId ? await tx.demoSite.findUnique({ where: { id: ref.siteId }, select: { id: true, name: true, organization: { select: { path: true } } } }) : null;
  if (!site || !isSiteStaff(grants, site.organization.path)) throw new AppError('NOT_FOUND', '示范点不存在或您无权查看');
  return { kind: 'site', id: site.id, name: site.name, path: site.organization.path };
}

/** Accounts that may be named 责任人 of an item under `path`: active users holding a role in that subtree. */
export async function ownerCandidates(tx: TTx, path: string): Promise<{ id: string; displayName: string }[]> {
  return tx.user.findMany({
    where: { isDisabled: false, roleAssignments: { some: { organization: { path: { startsWith: path }, isActive: true } } } },
    select: { id: true, displayName: true },
    orderBy: { displayName: 'asc' },
    take: 300,
  });
}

export async function createImprovementItem(input: TCreateImprovementInput, context: TContext) {
  const data = ZCreateImprovement.parse(input);
  return db.$transaction(async (tx) => {
    const subject = await subjectFor(tx, await loadGrants(tx, context.actorId), data);
    if (data.ownerUserId) {
      const owner = await tx.user.findFirst({
        where: { id: data.ownerUserId, isDisabled: false, roleAssignments: { some: { organization: { path: { startsWith: subject.path }, isActive: true } } } },
        select: { id: true },
      });
      if (!owner) throw new AppError('INVALID_INPUT', '提醒账号须是本单位或下级单位的在用账号', { ownerUserId: '提醒账号须是本单位或下级单位的在用账号' });
    }
    const today = shanghaiDayOf(await dbNow(tx));
    const [year, month, day] = data.dueOn.split('-').map(Number);
    const due = new Date(Date.UTC(year!, month! - 1, day!));
    if (due.toISOString().slice(0, 10) !== data.dueOn) throw new AppError('INVALID_INPUT', '完成时限不是有效日期', { dueOn: '完成时限不是有效日期' });
    if (data.dueOn < today) throw new AppError('INVALID_INPUT', '完成时限不能早于今天', { dueOn: '完成时限不能早于今天' });
    const item = await tx.improvementItem.create({
      data: {
        ...(subject.kind === 'belt' ? { beltId: subject.id } : { siteId: subject.id }),
        kind: data.kind,
        title: data.title,
        detail: data.detail,
        ownerName: data.ownerName,
        ownerUserId: data.ownerUserId,
        dueOn: due,
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: 'create-improvement-item',
      entityType: 'ImprovementItem',
      entityId: item.id,
      after: { [subject.kind === 'belt' ? 'belt' : 'site']: subject.name, kind: data.kind, title: data.title, ownerName: data.ownerName, dueOn: data.dueOn },
    });
    return item;
  });
}

/** 销号: the item row is locked first, so of two parallel closes one wins and the other is told it is closed already. */
export async function closeImprovementItem(input: TCloseImprovementInput, context: TContext) {
  const data = ZCloseImprovement.parse(input);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM improvement_items WHERE id = ${data.itemId} FOR UPDATE`;
    const item = locked.length
      ? await tx.improvementItem.findUnique({ where: { id: data.itemId }, select: { id: true, title: true, status: true, beltId: true, siteId: true } })
      : null;
    if (!item) throw new AppError('NOT_FOUND', '事项不存在或您无权查看');
    await subjectFor(tx, await loadGrants(tx, context.actorId), item);
    if (item.status === 'CLOSED') throw new AppError('CONFLICT', '该事项已经销号');
    const wanted = [...(await claimableFiles(tx, context.actorId, data.evidenceFileIds, { field: 'evidenceFileIds' })).keys()];
    await tx.improvementEvidence.createMany({ data: wanted.map((fileId, index) => ({ itemId: item.id, fileId, sortOrder: index })) });
    await tx.improvementItem.update({ where: { id: item.id }, data: { status: 'CLOSED', closedAt: new Date(), closureNote: data.closureNote, closedById: context.actorId } });
    await recordAudit(tx, context, { action: 'close-improvement-item', entityType: 'ImprovementItem', entityId: item.id, after: { title: item.title, closureNote: data.closureNote, evidence: wanted.length } });
    return { id: item.id, status: 'CLOSED' as const };
  });
}
