import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** An organization path lies in the admin's scope when it is inside one of the admin's subtrees. */
export function isPathInScope(adminPaths: readonly string[], path: string): boolean {
  return adminPaths.some((root) => path.startsWith(root));
}

/** An admin manages a user who holds at least one role somewhere in the admin's subtrees. */
export function isUserInScope(adminPaths: readonly string[], userRolePaths: readonly string[]): boolean {
  return userRolePaths.some((path) => isPathInScope(adminPaths, path));
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
 * the actor may manage the user. Returns the user and the actor's scope.
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
  if (!isUserInScope(adminPaths, user.roleAssignments.map((grant) => grant.organization.path))) {
    throw new AppError('FORBIDDEN', '该用户不在您的管理范围内');
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
