// Who may download a certificate: the organizer's staff (ORG_ADMIN over the campaign owner), the honored branch's own
// secretary, and the admins whose subtree holds that branch.
import type { TRoleGrant } from '@/lib/auth/session';
import { grantsRoleAt } from '@/lib/auth/scope';

export function canDownloadCertificate(grants: readonly TRoleGrant[], honor: { ownerPath: string; branchPath: string }): boolean {
  return grantsRoleAt(grants, ['ORG_ADMIN'], honor.ownerPath) || grantsRoleAt(grants, ['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN'], honor.branchPath);
}
