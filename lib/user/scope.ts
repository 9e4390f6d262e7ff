import type { TTx } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';

/** An organization path lies in the admin's scope when it is inside one of the admin's subtrees. */
export function isPathInScope(adminPaths: readonly string[], path: string): boolean {
  return adminPaths.some((root) => path.startsWith(root));
}

/** A role held by a user, with the materialized path of its organization. */
export type TScopedGrant = { role: Role; path: string };

/**
 * Whether an admin (ORG_ADMIN at `adminPaths`) may manage a user: every role of the user lies inside the admin's
 * subtrees, and none is an ORG_ADMIN role at or above one of the admin's own organizations (a peer or a superior).
 * Holding one member role in the subtree is not enough: the root 组织部 admin who is also a member of a branch
 * stays out of reach of that branch's district admin.
 */
export function canManageUser(adminPaths: readonly string[], userGrants: readonly TScopedGrant[]): boolean {
  if (userGrants.length === 0) return false;
  const insideScope = userGrants.every((grant) => isPathInScope(adminPaths, grant.path));
  const atOrAboveAdmin = userGrants.some((grant) => grant.role === 'ORG_ADMIN' && adminPaths.some((path) => path.startsWith(grant.path)));
  return insideScope && !atOrAboveAdmin;
}

/** Paths of the active organizations where the actor is ORG_ADMIN, read from the database (not the caller). */
export async function loadAdminPaths(tx: TTx, actorId: string): Promise<string[]> {
  const grants = await tx.roleAssignment.findMany({
    where: { userId: actorId, role: 'ORG_ADMIN', organization: { isActive: true } },
    select: { organization: { select: { path: true } } },
  });
  if (grants.length === 0) throw new AppError('FORBIDDEN', '您没有权限进行此操作');
  return grants.map((grant) => grant.organization.path);
}

/**
 * Locks the target user's row (so sign-in and concurrent admin steps serialise on it) and checks
 * the actor may manage the user (canManageUser). Returns the user and the actor's scope.
 */
export async function lockManagedUser(tx: TTx, actorId: string, userId: string) {
  const adminPaths = await loadAdminPaths(tx, actorId);
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      loginName: true,
      displayName: true,
      phone: true,
      isDisabled: true,
      lockedUntil: true,
      failedLoginCount: true,
      roleAssignments: { select: { id: true, role: true, organizationId: true, organization: { select: { path: true } } } },
    },
  });
  if (!user) throw new AppError('NOT_FOUND', '用户不存在');
  // An admin's own account is managed through the checks of each operation (no self-disable, no self-reset, keep one ORG_ADMIN role).
  const grants = user.roleAssignments.map((grant) => ({ role: grant.role, path: grant.organization.path }));
  if (user.id !== actorId && !canManageUser(adminPaths, grants)) {
    throw new AppError('FORBIDDEN', '该用户不在您的管理范围内：其角色超出您管理的组织，或与您同级、高于您');
  }
  return { user, adminPaths };
}

/** The organization must exist, be active and lie in the actor's scope. */
export async function requireScopedOrganization(tx: TTx, adminPaths: readonly string[], organizationId: string) {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, path: true, isActive: true, name: true } });
  if (!org) throw new AppError('NOT_FOUND', '组织不存在', { organizationId: '组织不存在' });
  if (!isPathInScope(adminPaths, org.path)) {
    throw new AppError('FORBIDDEN', '只能在您管理的组织范围内分配角色', { organizationId: '不在您的管理范围内' });
  }
  if (!org.isActive) throw new AppError('INVALID_INPUT', '该组织已停用，不能分配角色', { organizationId: '该组织已停用' });
  return org;
}
