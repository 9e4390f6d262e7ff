// Who may do what in 宣传推广: the committee and organization-department staff whose role covers the owning
// organization (its subtree); the judges of a 擂台比武 score it. Judged against the grants read in the transaction.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { grantsRoleAt, scopeRoots } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';

export const PROMOTION_STAFF: Role[] = ['COMMITTEE_ADMIN', 'ORG_ADMIN'];

export function isPromotionStaff(grants: readonly TRoleGrant[], ownerPath: string): boolean {
  return grantsRoleAt(grants, PROMOTION_STAFF, ownerPath);
}

/** Organizations the user manages 宣传推广 for: the tops of their staff grants (a nested grant collapses). */
export function promotionRoots(grants: readonly TRoleGrant[]): TRoleGrant[] {
  return scopeRoots(grants, PROMOTION_STAFF);
}

/** Rows owned by an organization inside the user's staff subtrees (nothing when they have none). */
export function ownedInScope(grants: readonly TRoleGrant[]): Prisma.OrganizationWhereInput {
  const roots = promotionRoots(grants);
  return roots.length ? { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })) } : { id: { in: [] } };
}
