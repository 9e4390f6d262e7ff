import type { TTx } from '@/lib/db';
import type { ApplicationStatus } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';

type TTarget = { status: ApplicationStatus; organization: { path: string } };

/** The actor's current grants, read inside the transaction: a role removed a second ago no longer counts. */
export async function loadGrants(tx: TTx, actorId: string | null): Promise<TRoleGrant[]> {
  if (!actorId) return [];
  const rows = await tx.roleAssignment.findMany({
    where: { userId: actorId, user: { isDisabled: false }, organization: { isActive: true } },
    select: { role: true, organization: { select: { id: true, name: true, path: true } } },
  });
  return rows.map((row) => ({ role: row.role, organizationId: row.organization.id, organizationName: row.organization.name, organizationPath: row.organization.path }));
}

export function canEditApplication(grants: readonly TRoleGrant[], target: TTarget): boolean {
  return grantsRoleAt(grants, ['BRANCH_SECRETARY'], target.organization.path);
}

/** Drafts belong to the branch alone; committees and organization departments see what was submitted. */
export function canReadApplication(grants: readonly TRoleGrant[], target: TTarget): boolean {
  if (canEditApplication(grants, target)) return true;
  return target.status !== 'DRAFT' && grantsRoleAt(grants, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], target.organization.path);
}

export function canReturnApplication(grants: readonly TRoleGrant[], target: TTarget): boolean {
  return grantsRoleAt(grants, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], target.organization.path);
}

/** Someone who may not even read the application learns only that it does not exist (no IDOR probing). */
export function assertCanRead(grants: readonly TRoleGrant[], target: TTarget | null): asserts target is TTarget {
  if (!target || !canReadApplication(grants, target)) throw new AppError('NOT_FOUND', '申报表不存在或您无权查看');
}

export function assertCanEdit(grants: readonly TRoleGrant[], target: TTarget | null): asserts target is TTarget {
  assertCanRead(grants, target);
  if (!canEditApplication(grants, target)) throw new AppError('FORBIDDEN', '只有本支部的党组织书记可以填写和提交申报表');
}
