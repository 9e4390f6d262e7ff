import { randomUUID } from 'node:crypto';
import { db, type TTx } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import {
  ZCreateOrganization,
  ZMoveOrganization,
  ZUpdateOrganization,
  type TCreateOrganization,
  type TMoveOrganization,
  type TUpdateOrganization,
} from '@/lib/organization/schema';
import { lockParentForInsert, lockRows, lockSubtree, lockTreeForMove } from '@/lib/organization/locks';
import { depthOf, pathFor, subtreeLikePattern, wouldCreateCycle } from '@/lib/org-tree/tree';
import { assertNoRunningCampaignInvolves } from '@/lib/organization/campaign-freeze';

type TContext = TAuditContext & { tx?: TTx };

function inTransaction<T>(context: TContext, body: (tx: TTx) => Promise<T>): Promise<T> {
  return context.tx ? body(context.tx) : db.$transaction(body);
}

function duplicateCode(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('CONFLICT', '组织代码已被使用', { code: '组织代码已被使用' });
  throw error;
}

/** Creates an organization under `parentId`. Callers check the actor's right to the parent first. */
export async function createOrganization(input: TCreateOrganization, context: TContext) {
  const values = ZCreateOrganization.parse(input);
  return inTransaction(context, async (tx) => {
    const parent = await lockParentForInsert(tx, values.parentId);
    if (!parent) throw new AppError('NOT_FOUND', '上级组织不存在', { parentId: '上级组织不存在' });
    if (!parent.isActive) throw new AppError('INVALID_INPUT', '上级组织已停用，不能在其下新建组织', { parentId: '上级组织已停用' });
    const id = randomUUID();
    const path = pathFor(parent.path, id);
    const { parentId, ...fields } = values;
    const siblings = await tx.organization.count({ where: { parentId } });
    const created = await tx.organization
      .create({ data: { id, path, depth: depthOf(path), parentId, sortOrder: siblings, ...fields } })
      .catch(duplicateCode);
    await recordAudit(tx, context, { action: 'create-organization', entityType: 'Organization', entityId: id, after: created });
    return created;
  });
}

export async function updateOrganization(input: TUpdateOrganization, context: TContext) {
  const { id, ...fields } = ZUpdateOrganization.parse(input);
  return inTransaction(context, async (tx) => {
    const before = await tx.organization.findUnique({ where: { id } });
    if (!before) throw new AppError('NOT_FOUND', '组织不存在');
    const after = await tx.organization.update({ where: { id }, data: fields }).catch(duplicateCode);
    await recordAudit(tx, context, { action: 'update-organization', entityType: 'Organization', entityId: id, before, after });
    return after;
  });
}

const CYCLE_MESSAGE = '不能把组织移动到它自己或它的下级组织之下';

/** Moves an organization and its whole subtree under a new parent; a move under itself or a descendant is refused. */
export async function moveOrganization(input: TMoveOrganization, context: TContext) {
  const { id, newParentId } = ZMoveOrganization.parse(input);
  return inTransaction(context, async (tx) => {
    await lockTreeForMove(tx);
    const org = await tx.organization.findUnique({ where: { id }, select: { id: true, path: true, parentId: true, name: true } });
    const parent = await tx.organization.findUnique({ where: { id: newParentId }, select: { id: true, path: true } });
    if (!org) throw new AppError('NOT_FOUND', '组织不存在');
    if (!parent) throw new AppError('NOT_FOUND', '目标上级组织不存在', { newParentId: '目标上级组织不存在' });
    if (!org.parentId) throw new AppError('INVALID_INPUT', '顶级组织不能移动');
    if (wouldCreateCycle(org.path, parent.path)) throw new AppError('INVALID_INPUT', CYCLE_MESSAGE, { newParentId: CYCLE_MESSAGE });
    const locked = await lockSubtree(tx, org.path, parent.id);
    if (!locked.find((row) => row.id === parent.id)?.isActive) {
      throw new AppError('INVALID_INPUT', '目标上级组织已停用', { newParentId: '目标上级组织已停用' });
    }
    if (org.parentId === parent.id) return org;
    await assertNoRunningCampaignInvolves(tx, org);
    const newPath = pathFor(parent.path, org.id);
    const depthDelta = depthOf(newPath) - depthOf(org.path);
    // Rewrite the path prefix of the whole subtree in one statement. The casts matter: with an untyped
    // parameter, `substring(path from $n)` is the regular-expression form and yields NULL.
    await tx.$executeRaw`
      UPDATE organizations
      SET path = ${newPath}::text || substring(path from ${org.path.length + 1}::int),
          depth = depth + ${depthDelta}::int,
          updated_at = now()
      WHERE path LIKE ${subtreeLikePattern(org.path)}`;
    const sortOrder = await tx.organization.count({ where: { parentId: parent.id } });
    await tx.organization.update({ where: { id }, data: { parentId: parent.id, sortOrder } });
    await recordAudit(tx, context, {
      action: 'move-organization',
      entityType: 'Organization',
      entityId: id,
      before: { parentId: org.parentId, path: org.path },
      after: { parentId: parent.id, path: newPath },
    });
    return { ...org, parentId: parent.id, path: newPath };
  });
}

/**
 * Disables an organization with its whole subtree, or re-enables one organization (its descendants
 * stay as they are). A child cannot be enabled under a disabled parent. Neither a move nor a disable while a running
 * campaign's recommendation chain goes through the subtree (lib/organization/campaign-freeze.ts).
 */
export async function setOrganizationActive(input: { id: string; isActive: boolean }, context: TContext) {
  return inTransaction(context, async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.id }, select: { id: true, name: true, path: true, parentId: true, isActive: true } });
    if (!org) throw new AppError('NOT_FOUND', '组织不存在');
    if (!org.parentId && !input.isActive) throw new AppError('INVALID_INPUT', '顶级组织不能停用');
    const count = input.isActive ? await enableOne(tx, org.id, org.parentId) : await disableSubtree(tx, org);
    await recordAudit(tx, context, {
      action: input.isActive ? 'enable-organization' : 'disable-organization',
      entityType: 'Organization',
      entityId: org.id,
      before: { isActive: org.isActive },
      after: { isActive: input.isActive, affected: count },
    });
    return { affected: count };
  });
}

async function disableSubtree(tx: TTx, org: { path: string; name: string }): Promise<number> {
  const { path } = org;
  await lockSubtree(tx, path);
  await assertNoRunningCampaignInvolves(tx, org);
  // A fresh statement after the locks: it also sees children created while we waited for them.
  const { count } = await tx.organization.updateMany({ where: { path: { startsWith: path } }, data: { isActive: false } });
  return count;
}

async function enableOne(tx: TTx, id: string, parentId: string | null): Promise<number> {
  const rows = await lockRows(tx, parentId ? [id, parentId] : [id]);
  const org = rows.get(id);
  if (!org || org.parentId !== parentId) throw new AppError('CONFLICT', '该组织刚被其他人修改，请刷新页面后重试');
  if (parentId && !rows.get(parentId)?.isActive) {
    throw new AppError('INVALID_INPUT', '上级组织已停用，请先启用上级组织');
  }
  await tx.organization.update({ where: { id }, data: { isActive: true } });
  return 1;
}
