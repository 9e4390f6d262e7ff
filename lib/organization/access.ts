import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TRoleGrant } from '@/lib/auth/session';
import { grantsRoleAt, scopeRoots } from '@/lib/auth/scope';

/**
 * Refuses unless the grants hold ORG_ADMIN at every listed organization or an ancestor of it —
 * judged by the organizations' current paths in the database, never by what the client sent.
 */
export async function assertOrgAdminOver(grants: readonly TRoleGrant[], organizationIds: readonly string[]): Promise<void> {
  const ids = [...new Set(organizationIds)];
  const orgs = await db.organization.findMany({ where: { id: { in: ids } }, select: { path: true } });
  if (orgs.length !== ids.length || !orgs.every((org) => grantsRoleAt(grants, ['ORG_ADMIN'], org.path))) {
    throw new AppError('FORBIDDEN', '您没有权限管理该组织');
  }
}

/** The top organization of an admin's own scope: disabling it would shut the admin out of their tree. */
export function isOwnScopeRoot(grants: readonly TRoleGrant[], organizationId: string): boolean {
  return scopeRoots(grants, ['ORG_ADMIN']).some((grant) => grant.organizationId === organizationId);
}
