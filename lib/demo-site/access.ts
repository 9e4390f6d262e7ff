// Who manages what in 示范建设, against database state: the organization department owning a program (ORG_ADMIN there
// or above) edits the program; staff (ORG_ADMIN / COMMITTEE_ADMIN) whose subtree holds a site's organization manage
// the site (edit, photos, checklist verdicts, assessment, 摘牌); the site organization's branch secretary adds photos
// and evidence only.
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';

export const SITE_STAFF_ROLES = ['ORG_ADMIN', 'COMMITTEE_ADMIN'] as const;

export function canManageProgram(grants: readonly TRoleGrant[], ownerPath: string): boolean {
  return grantsRoleAt(grants, ['ORG_ADMIN'], ownerPath);
}

export function canManageSite(grants: readonly TRoleGrant[], orgPath: string): boolean {
  return grantsRoleAt(grants, SITE_STAFF_ROLES, orgPath);
}

export function canAddSitePhotos(grants: readonly TRoleGrant[], orgPath: string): boolean {
  return canManageSite(grants, orgPath) || grantsRoleAt(grants, ['BRANCH_SECRETARY'], orgPath);
}

export function assertManageProgram(grants: readonly TRoleGrant[], ownerPath: string): void {
  if (!canManageProgram(grants, ownerPath)) throw new AppError('FORBIDDEN', '只有主办单位组织部的管理员可以管理示范建设');
}

export function assertManageSite(grants: readonly TRoleGrant[], orgPath: string): void {
  if (!canManageSite(grants, orgPath)) throw new AppError('FORBIDDEN', '只有该组织所属的党(工)委或组织部可以管理这个示范点');
}
